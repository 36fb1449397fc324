import { DEFAULT_SQL_SERVER_EDITION } from '../../dialects/versions.js';
import { alterExistingTable, type AlterTable } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { findWord, isExistingTableName, isWord, nameLabel, readName, skipAnyOf, wordsAt } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { LintContext, Rule, RuleReport } from '../types.js';

/**
 * SQL Server builds and rebuilds indexes offline unless told `ONLINE = ON`: a nonclustered index
 * build holds a shared lock on the table (writes wait), a clustered one, a rebuild and ALTER TABLE
 * a schema modification lock (reads wait too). Online index operations are an Enterprise feature
 * (also Developer and Azure SQL): with `lint.sqlServerEdition` = `standard` nothing is reported.
 * Sources: "Perform index operations online", CREATE INDEX and ALTER TABLE (Transact-SQL).
 */
export const requireOnlineIndexOperation: Rule = {
  id: 'require-online-index-operation',
  severity: 'warning',
  effect: 'locks',
  description: 'CREATE INDEX, ALTER INDEX ... REBUILD, ALTER TABLE ... REBUILD or an added PRIMARY KEY/UNIQUE on an existing table without ONLINE = ON blocks writes (or reads and writes) until the index is built.',
  help: 'Add WITH (ONLINE = ON) (Enterprise, Developer and Azure SQL); on Standard, set lint.sqlServerEdition to standard and run it when writes can wait.',
  checks: {
    ...keywordChecks(['mssql'], (tokens, statement, context) => {
      if ((context.sqlServerEdition ?? DEFAULT_SQL_SERVER_EDITION) !== 'enterprise' || asksOnline(tokens)) return [];
      return offlineReports(tokens, statement.sql, context);
    }),
  },
};

/** `ONLINE = ON` anywhere in the statement's options, `RESUMABLE = ON` needing it. */
function asksOnline(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => isWord(token, 'ONLINE') && tokens[index + 1]?.text === '=' && isWord(tokens[index + 2], 'ON'));
}

const SHARED = 'a shared lock blocks writes to';
const SCHEMA = 'a schema modification lock blocks reads and writes of';

function offlineReports(tokens: readonly Token[], sql: string, context: LintContext): RuleReport[] {
  const created = createdIndex(tokens, sql, context);
  if (created) return [created];
  const rebuilt = rebuiltIndex(tokens, sql, context);
  if (rebuilt) return [rebuilt];
  const altered = alterExistingTable(tokens, sql, 'mssql', context);
  return altered ? alterTableReports(tokens, altered) : [];
}

/** Kinds of index that cannot be built online, or are not plain B-trees: left alone. */
const NOT_ONLINE: ReadonlySet<string> = new Set(['XML', 'PRIMARY', 'SPATIAL', 'COLUMNSTORE']);

/** `CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX name ON table ...`. */
function createdIndex(tokens: readonly Token[], sql: string, context: LintContext): RuleReport | undefined {
  if (!isWord(tokens[0], 'CREATE')) return undefined;
  const index = skipAnyOf(tokens, 1, INDEX_MODIFIERS);
  const modifiers = tokens.slice(1, index).map((token) => token.text);
  if (!isWord(tokens[index], 'INDEX') || modifiers.some((word) => NOT_ONLINE.has(word))) return undefined;
  const name = readName(tokens, index + 1, sql);
  const table = name && isWord(tokens[name.next], 'ON') ? readName(tokens, name.next + 1, sql) : undefined;
  if (!name || !table || !isExistingTableName(table, context)) return undefined;
  const lock = modifiers.includes('CLUSTERED') ? SCHEMA : SHARED;
  return { message: `CREATE INDEX ${nameLabel(name)} builds the index offline: ${lock} ${nameLabel(table)} until it is built.` };
}

const INDEX_MODIFIERS: ReadonlySet<string> = new Set(['UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'XML', 'PRIMARY', 'SPATIAL', 'COLUMNSTORE']);

/** `ALTER INDEX name|ALL ON table REBUILD ...`; REORGANIZE is always online. */
function rebuiltIndex(tokens: readonly Token[], sql: string, context: LintContext): RuleReport | undefined {
  if (!wordsAt(tokens, 0, 'ALTER', 'INDEX')) return undefined;
  const on = findWord(tokens, 'ON');
  const table = on === -1 ? undefined : readName(tokens, on + 1, sql);
  if (!table || !isWord(tokens[table.next], 'REBUILD') || !isExistingTableName(table, context)) return undefined;
  const index = sql.slice(tokens[2]?.offset, tokens[on - 1]?.end);
  return { message: `ALTER INDEX ${index} ... REBUILD rebuilds offline: ${SCHEMA} ${nameLabel(table)} until it is done.`, offset: tokens[table.next]?.offset };
}

/** `ALTER TABLE t REBUILD`, and `ADD [CONSTRAINT c] PRIMARY KEY | UNIQUE`, which build an index. */
function alterTableReports(tokens: readonly Token[], altered: AlterTable): RuleReport[] {
  const table = nameLabel(altered.table);
  return altered.clauses.flatMap((clause) => {
    const offset = tokens[clause.start]?.offset;
    if (clause.verb === 'REBUILD') return [{ message: `ALTER TABLE ${table} REBUILD rebuilds offline: ${SCHEMA} ${table} until it is done.`, offset }];
    const kind = clause.verb === 'ADD' ? indexConstraint(tokens, clause.start + 1, clause.end) : undefined;
    return kind ? [{ message: `Adding a ${kind} constraint builds its index offline: ${SCHEMA} ${table} until it is built.`, offset }] : [];
  });
}

/** `PRIMARY KEY` or `UNIQUE` when the added item is such a constraint (named or not). */
function indexConstraint(tokens: readonly Token[], from: number, end: number): string | undefined {
  for (let index = from; index < end && index < from + 4; index += 1) {
    if (wordsAt(tokens, index, 'PRIMARY', 'KEY')) return 'PRIMARY KEY';
    if (isWord(tokens[index], 'UNIQUE')) return 'UNIQUE';
  }
  return undefined;
}
