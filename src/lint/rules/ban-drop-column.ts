import { reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** Application code deployed before the migration still names the column and fails once it is gone. */
export const banDropColumn: Rule = {
  id: 'ban-drop-column',
  severity: 'warning',
  description: 'DROP COLUMN on an existing table breaks clients that still read or write the column.',
  help: 'Stop using the column in the application and deploy that first; drop the column in a later migration.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_DropColumn', (command, table) => ({
        message: `Dropping ${table}.${command.name ?? ''} breaks clients that still use the column.`,
      }));
    },
  },
};
