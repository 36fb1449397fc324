import { reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** The lock is brief, but clients written for a column that always has a value meet their first NULL. */
export const banDropNotNull: Rule = {
  id: 'ban-drop-not-null',
  severity: 'warning',
  effect: 'breaks-clients',
  description: 'ALTER COLUMN ... DROP NOT NULL breaks clients that assume the column always has a value.',
  help: 'First deploy every client that reads the column with NULL handled, then drop NOT NULL in a later migration.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_DropNotNull', (command, table) => ({
        message: `DROP NOT NULL on ${table}.${command.name ?? ''} lets NULL in: clients that assume the column always has a value break on the first one.`,
      }));
    },
  },
};
