import { alterExistingTable } from '../keywords/alter-table.js';
import { KEYWORD_DIALECTS, keywordChecks } from '../keywords/checks.js';
import { nameLabel, readName } from '../keywords/shape.js';
import { reportSubcommands } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** Application code deployed before the migration still names the column and fails once it is gone. */
export const banDropColumn: Rule = {
  id: 'ban-drop-column',
  severity: 'warning',
  effect: 'destroys-data',
  description: 'DROP COLUMN on an existing table breaks clients that still read or write the column.',
  help: 'Stop using the column in the application and deploy that first; drop the column in a later migration.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_DropColumn', (command, table) => dropReport(table, command.name ?? ''));
    },
    // SQLite has DROP COLUMN since 3.35; SQL Server drops a list (`DROP COLUMN a, b`).
    ...keywordChecks(KEYWORD_DIALECTS, (tokens, statement, context, dialect) => {
      const altered = alterExistingTable(tokens, statement.sql, dialect, context);
      return (altered?.clauses ?? []).flatMap((clause) => {
        const column = clause.verb === 'DROP' && clause.object === 'COLUMN' ? readName(tokens, clause.name, statement.sql) : undefined;
        return column && altered ? [dropReport(nameLabel(altered.table), nameLabel(column), column.offset)] : [];
      });
    }),
  },
};

function dropReport(table: string, column: string, offset?: number): RuleReport {
  return { message: `Dropping ${table}.${column} breaks clients that still use the column.`, offset };
}
