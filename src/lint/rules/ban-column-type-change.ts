import { reportSubcommands, offsetOf } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** Most type changes rewrite the table and its indexes while holding an ACCESS EXCLUSIVE lock. */
export const banColumnTypeChange: Rule = {
  id: 'ban-column-type-change',
  severity: 'error',
  description: 'ALTER COLUMN ... TYPE on an existing table may rewrite it and its indexes under an ACCESS EXCLUSIVE lock.',
  help: 'Add a new column, backfill it in batches, move clients to it, then drop the old one.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_AlterColumnType', (command, table) => ({
        message: `Changing the type of ${table}.${command.name ?? ''} may rewrite the table while blocking all reads and writes of it.`,
        offset: offsetOf(statement, command.def && 'ColumnDef' in command.def ? command.def.ColumnDef.location : undefined),
      }));
    },
  },
};
