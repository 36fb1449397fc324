import { DEFAULT_SQL_SERVER_EDITION, type SqlServerEdition } from '../../dialects/versions.js';
import { alterExistingTable, type AlterClause } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { findWord, isWord, nameLabel, readName, wordsAt, type Span } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { Rule, RuleReport } from '../types.js';

/**
 * Adding a NOT NULL column with a default writes the default into every row, under the schema
 * modification lock ALTER TABLE holds for its whole length, except on Enterprise edition (2012
 * and later, and Azure SQL), which keeps a runtime-constant default in the metadata: not for
 * NEWID()/NEWSEQUENTIALID(), nor for max and LOB types (ALTER TABLE (Transact-SQL), "Adding NOT
 * NULL Columns as an Online Operation").
 */
export const banAddNotNullColumnRewrite: Rule = {
  id: 'ban-add-not-null-column-rewrite',
  severity: 'error',
  effect: 'rewrites',
  description: 'ADD of a NOT NULL column with a default to an existing table writes every row under a lock that blocks reads and writes, unless Enterprise edition can keep the default in the metadata.',
  help: 'Add the column NULL, backfill it in batches, then make it NOT NULL at a quiet time; on Enterprise, a constant default on a type that is not max or LOB is added at once.',
  checks: {
    ...keywordChecks(['mssql'], (tokens, statement, context) => {
      const altered = alterExistingTable(tokens, statement.sql, 'mssql', context);
      if (!altered) return [];
      const edition = context.sqlServerEdition ?? DEFAULT_SQL_SERVER_EDITION;
      return altered.clauses.flatMap((clause) => {
        const column = clause.verb === 'ADD' && clause.object === 'COLUMN' ? readName(tokens, clause.name, statement.sql) : undefined;
        const why = column && rewriteCause(tokens, { start: column.next, end: clause.end }, edition);
        return column && why ? [report(`${nameLabel(altered.table)}.${nameLabel(column)}`, why, clause, tokens)] : [];
      });
    }),
  },
};

/** Types Enterprise cannot add online (CLR types and the 8,060-byte row limit are not seen here). */
const LOB_TYPES: ReadonlySet<string> = new Set(['TEXT', 'NTEXT', 'IMAGE', 'XML', 'HIERARCHYID', 'GEOMETRY', 'GEOGRAPHY']);
const MAX_TYPES: ReadonlySet<string> = new Set(['VARCHAR', 'NVARCHAR', 'VARBINARY']);
/** Defaults that differ per row: not runtime constants. */
const PER_ROW_DEFAULTS: ReadonlySet<string> = new Set(['NEWID', 'NEWSEQUENTIALID']);

/** Why adding this column definition writes every row, or undefined when it does not (or is not NOT NULL with a default). */
function rewriteCause(tokens: readonly Token[], definition: Span, edition: SqlServerEdition): string | undefined {
  const notNull = tokens.slice(definition.start, definition.end).some((token, index) => isWord(token, 'NOT') && isWord(tokens[definition.start + index + 1], 'NULL'));
  const defaultAt = findWord(tokens, 'DEFAULT', definition);
  if (!notNull || defaultAt === -1) return undefined;
  if (edition === 'standard') return 'on Standard edition';
  const type = tokens[definition.start];
  if (type && (LOB_TYPES.has(type.text) || (MAX_TYPES.has(type.text) && wordsAt(tokens, definition.start + 2, 'MAX')))) return `a ${type.text.toLowerCase()} column cannot be added online`;
  const perRow = tokens.slice(defaultAt + 1, definition.end).find((token) => PER_ROW_DEFAULTS.has(token.text));
  return perRow ? `${perRow.text}() is no runtime constant` : undefined;
}

function report(column: string, cause: string, clause: AlterClause, tokens: readonly Token[]): RuleReport {
  return {
    message: `Adding ${column} NOT NULL with a default writes it into every row (${cause}), while a schema modification lock blocks all reads and writes of the table.`,
    offset: tokens[clause.start]?.offset,
  };
}
