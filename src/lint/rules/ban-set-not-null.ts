import { reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a valid CHECK proves it. */
export const banSetNotNull: Rule = {
  id: 'ban-set-not-null',
  severity: 'error',
  effect: 'locks',
  description: 'ALTER COLUMN ... SET NOT NULL on an existing table scans every row under an ACCESS EXCLUSIVE lock.',
  help: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_SetNotNull', (command, table) => ({
        message: `SET NOT NULL on ${table}.${command.name ?? ''} reads the whole table while blocking all reads and writes of it.`,
      }));
    },
  },
};
