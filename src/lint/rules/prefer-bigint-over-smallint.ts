import { reportColumnTypes } from '../postgresql/column-types.js';
import type { Rule } from '../types.js';

/** 16-bit integer columns, as the parser names them: `smallint`, `int2`, `smallserial`, `serial2`. */
const SMALLINT_TYPES: ReadonlySet<string> = new Set(['int2', 'smallserial', 'serial2']);

/** Advice, off by default: a 16-bit column runs out at 32,767, and widening it rewrites the table. */
export const preferBigintOverSmallint: Rule = {
  id: 'prefer-bigint-over-smallint',
  severity: 'info',
  enabledByDefault: false,
  effect: 'fails',
  description: 'A column declared smallint or smallserial holds at most 32,767, and widening it later rewrites the table.',
  help: 'Declare it bigint: the bytes smallint saves rarely matter.',
  checks: {
    postgresql: (statement) =>
      reportColumnTypes(statement, ({ column, type }) =>
        SMALLINT_TYPES.has(type)
          ? `${column} is a 16-bit integer: a value above 32,767 fails (a smallserial key gets there by itself), and changing it to bigint later rewrites the table while blocking all reads and writes.`
          : undefined,
      ),
  },
};
