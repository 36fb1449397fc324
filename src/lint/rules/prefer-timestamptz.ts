import { reportColumnTypes } from '../postgresql/column-types.js';
import type { Rule } from '../types.js';

/** Advice, off by default: `timestamp` keeps the wall-clock time written and discards its UTC offset. */
export const preferTimestamptz: Rule = {
  id: 'prefer-timestamptz',
  severity: 'info',
  enabledByDefault: false,
  effect: 'destroys-data',
  description: 'A timestamp (without time zone) column drops the UTC offset of every value written to it.',
  help: 'Declare it timestamptz (timestamp with time zone), which stores the instant.',
  checks: {
    postgresql: (statement) =>
      reportColumnTypes(statement, ({ column, type }) =>
        type === 'timestamp'
          ? `${column} is timestamp without time zone: PostgreSQL drops the UTC offset of each value written to it, so 12:00+02 and 12:00-06 are stored as the same time.`
          : undefined,
      ),
  },
};
