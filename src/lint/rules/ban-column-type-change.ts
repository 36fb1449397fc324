import { alterExistingTable, tableOption } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { isWord, nameLabel, readName } from '../keywords/shape.js';
import type { KeywordDialectId, Token } from '../keywords/tokens.js';
import { offsetOf, reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/**
 * Most type changes rewrite the table and its indexes while holding an ACCESS EXCLUSIVE lock
 * (PostgreSQL), copy it while blocking writes (MySQL), or rewrite it under a schema lock (SQL Server).
 */
export const banColumnTypeChange: Rule = {
  id: 'ban-column-type-change',
  severity: 'error',
  effect: 'rewrites',
  description: 'Changing the type of a column of an existing table may rewrite or copy the table while blocking writes to it.',
  help: 'Add a new column, backfill it in batches, move clients to it, then drop the old one.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_AlterColumnType', (command, table) => ({
        message: `Changing the type of ${table}.${command.name ?? ''} may rewrite the table while blocking all reads and writes of it.`,
        offset: offsetOf(statement, command.def && 'ColumnDef' in command.def ? command.def.ColumnDef.location : undefined),
      }));
    },
    ...keywordChecks(['mysql', 'mssql'], (tokens, statement, context, dialect) => {
      const altered = alterExistingTable(tokens, statement.sql, dialect, context);
      if (!altered || refusesBlockingChange(tokens, dialect)) return [];
      const redefinition = REDEFINITIONS[dialect];
      return altered.clauses.flatMap((clause) => {
        const column = redefinition.verbs.has(clause.verb) && clause.object === 'COLUMN' ? readName(tokens, clause.name, statement.sql) : undefined;
        // SQL Server's ALTER COLUMN c ADD/DROP ROWGUIDCOL, PERSISTED, MASKED... keeps the type.
        if (!column || isWord(tokens[column.next], 'ADD') || isWord(tokens[column.next], 'DROP')) return [];
        return [{ message: redefinition.message(`${nameLabel(altered.table)}.${nameLabel(column)}`), offset: column.offset }];
      });
    }),
  },
};

type TypeChangeDialect = Extract<KeywordDialectId, 'mysql' | 'mssql'>;

/** The clauses that restate a column's type, and what the server does then. */
const REDEFINITIONS: Record<TypeChangeDialect, { verbs: ReadonlySet<string>; message: (column: string) => string }> = {
  mysql: {
    verbs: new Set(['MODIFY', 'CHANGE']),
    message: (column) => `Redefining ${column} copies the table, blocking writes to it until done, unless only its name, default or trailing ENUM/SET values change.`,
  },
  mssql: {
    verbs: new Set(['ALTER']),
    message: (column) => `Changing the type of ${column} may rewrite every row while a schema lock blocks all reads and writes of the table.`,
  },
};

/**
 * Whether the statement asks the server to fail rather than block: MySQL's `ALGORITHM=INSTANT`,
 * `INPLACE` (MariaDB's `NOCOPY`) or `LOCK=NONE`; SQL Server's `WITH (ONLINE = ON)`.
 */
function refusesBlockingChange(tokens: readonly Token[], dialect: TypeChangeDialect): boolean {
  if (dialect === 'mssql') return tokens.some((token, index) => isWord(token, 'ONLINE') && tokens[index + 1]?.text === '=' && isWord(tokens[index + 2], 'ON'));
  const algorithm = tableOption(tokens, 'ALGORITHM')?.value;
  return algorithm === 'INSTANT' || algorithm === 'INPLACE' || algorithm === 'NOCOPY' || tableOption(tokens, 'LOCK')?.value === 'NONE';
}
