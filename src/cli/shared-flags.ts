import * as Flags from '@oclif/core/flags';
import { DIALECT_IDS } from '../dialects/dialect-id.js';

/** `--dialect`, for commands whose output depends on it; it overrides config and environment. */
export const dialectFlag = Flags.string({
  summary: 'SQL dialect (overrides SQLGEN_DIALECT, SQLGEN_URL and the config file).',
  options: [...DIALECT_IDS],
});

/** `--single-transaction`, for upgrade and downgrade. */
export const singleTransactionFlag = Flags.boolean({ summary: 'One transaction for the whole range instead of one per revision.' });
