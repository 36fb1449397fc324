import { reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/**
 * SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless (PostgreSQL 12+) a
 * valid CHECK (column IS NOT NULL) proves it: the script's own, added and validated before it.
 */
export const banSetNotNull: Rule = {
  id: 'ban-set-not-null',
  severity: 'error',
  effect: 'locks',
  description: 'ALTER COLUMN ... SET NOT NULL on an existing table scans every row under an ACCESS EXCLUSIVE lock.',
  help: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_SetNotNull', (command, table, relation) => {
        const proven = context.provenNotNull?.has(`${relation.relname}.${command.name ?? ''}`);
        if (proven && context.postgresqlVersion >= 12) return undefined;
        const before12 = proven ? ` (a valid CHECK proves the column, but PostgreSQL ${context.postgresqlVersion} scans anyway: only 12 and later use it)` : '';
        return { message: `SET NOT NULL on ${table}.${command.name ?? ''} reads the whole table while blocking all reads and writes of it${before12}.` };
      });
    },
  },
};
