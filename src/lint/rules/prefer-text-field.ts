import { reportColumnTypes } from '../postgresql/column-types.js';
import type { Rule } from '../types.js';

/**
 * Advice, off by default: a varchar(n) limit is part of the type, so changing it is ALTER COLUMN
 * ... TYPE, under an ACCESS EXCLUSIVE lock (raising it is catalog-only, lowering it rewrites). A
 * CHECK on the length can be swapped NOT VALID without blocking. Plain varchar has no limit.
 */
export const preferTextField: Rule = {
  id: 'prefer-text-field',
  severity: 'info',
  enabledByDefault: false,
  effect: 'locks',
  description: 'A varchar(n) column can only change its limit under an ACCESS EXCLUSIVE lock, and lowering it rewrites the table.',
  help: 'Declare it text, with CHECK (length(col) <= n) if the limit matters: a CHECK can be replaced NOT VALID without blocking writes.',
  checks: {
    postgresql: (statement) =>
      reportColumnTypes(statement, ({ column, type, length }) =>
        type === 'varchar' && length !== undefined
          ? `${column} is varchar(${length}): changing the limit later locks the table against all reads and writes (lowering it also rewrites the table).`
          : undefined,
      ),
  },
};
