import * as Flags from '@oclif/core/flags';
import { DIALECT_IDS } from '../dialects/dialect-id.js';
import { REPORT_FORMATS } from '../lint/report/format-report.js';
import { FAIL_ON_LEVELS } from '../lint/report/lint-report.js';

/** `--dialect`, for commands whose output depends on it; it overrides config and environment. */
export const dialectFlag = Flags.string({
  summary: 'SQL dialect (overrides SQLGEN_DIALECT, SQLGEN_URL and the config file).',
  options: [...DIALECT_IDS],
});

/** `--single-transaction`, for upgrade and downgrade. */
export const singleTransactionFlag = Flags.boolean({ summary: 'One transaction for the whole range instead of one per revision.' });

/** `--no-guards`, for scripts and bundles: the config's `guards` when absent. */
export const guardsFlag = Flags.boolean({
  summary: 'Check the version table before each revision and stop, changing nothing, if the database is elsewhere (--no-guards for databases stamped by hand).',
  allowNo: true,
});

/** `--format` of reports (lint, check). */
export const reportFormatFlag = Flags.string({ summary: 'Output format: text (file:line:col), json, sarif (GitHub code scanning) or github (workflow annotations).', options: [...REPORT_FORMATS], default: 'text' });

/** `--fail-on` of reports: the config's `lint.failOn` when absent. */
export const failOnFlag = Flags.string({ summary: "Exit 1 when a finding is at or above this severity (default: the config's lint.failOn, else error).", options: [...FAIL_ON_LEVELS] });
