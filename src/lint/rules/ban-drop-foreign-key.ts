import { alterExistingTable } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { nameLabel, readName } from '../keywords/shape.js';
import { reportSubcommands } from '../postgresql/ast.js';
import type { LintContext, Rule, RuleReport } from '../types.js';

/** Without the constraint nothing stops rows that point at missing parents, and re-adding it then fails on them. */
export const banDropForeignKey: Rule = {
  id: 'ban-drop-foreign-key',
  severity: 'warning',
  effect: 'weakens-integrity',
  description: 'Dropping a foreign key of an existing table lets rows that reference missing rows in.',
  help: 'Keep the foreign key; to change it, add the new constraint first and drop the old one after.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_DropConstraint', (command, table) =>
        command.name !== undefined && isKnownForeignKey(command.name, context) ? dropReport(command.name, table) : undefined,
      );
    },
    // MySQL names the kind (DROP FOREIGN KEY); DROP CONSTRAINT, there and in SQL Server, is told by the name.
    ...keywordChecks(['mysql', 'mssql'], (tokens, statement, context, dialect) => {
      const altered = alterExistingTable(tokens, statement.sql, dialect, context);
      return (altered?.clauses ?? []).flatMap((clause) => {
        const constraint = clause.verb === 'DROP' ? readName(tokens, clause.name, statement.sql) : undefined;
        const label = constraint && nameLabel(constraint);
        const foreignKey = clause.object === 'FOREIGN KEY' || (clause.object === 'CONSTRAINT' && label !== undefined && isKnownForeignKey(label, context));
        return altered && constraint && label && foreignKey ? [dropReport(label, nameLabel(altered.table), constraint.offset)] : [];
      });
    }),
  },
};

/**
 * Names the engines and knex give foreign keys: knex's `<table>_<column>_foreign`, PostgreSQL's
 * `<table>_<column>_fkey`, MySQL's `<table>_ibfk_<n>`, SQL Server's `FK__<table>__<column>__<hash>`.
 */
const FOREIGN_KEY_NAME = /(?:_foreign|_fkey|_ibfk_\d+)$|^fk__/i;

/** Whether the constraint is a foreign key: created as one earlier in the script, or so named. */
function isKnownForeignKey(name: string, context: LintContext): boolean {
  return FOREIGN_KEY_NAME.test(name) || context.createdForeignKeys?.has(name.toLowerCase()) === true;
}

function dropReport(constraint: string, table: string, offset?: number): RuleReport {
  return { message: `Dropping foreign key ${constraint} of ${table} lets rows that reference missing rows in while it is gone.`, offset };
}
