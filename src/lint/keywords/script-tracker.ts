/**
 * What a MySQL, SQLite or SQL Server script has done so far, read from its tokens: the tables
 * it created and their indexes (renamed tables keep counting, unless they hold an existing table's rows),
 * the tables it copied into those, its named foreign keys, and MySQL's `foreign_key_checks`. Names are compared without case, as these servers do by default for
 * tables, indexes and constraints.
 */
import type { ScriptTracker } from '../postgresql/script-tracker.js';
import type { SplitStatement } from '../split-statements.js';
import type { LintStatement, ScriptFacts } from '../types.js';
import { findWord, isWord, nameKey, readName, skipAnyOf, skipWords } from './shape.js';
import { foreignKeyChecksSet } from '../mysql/foreign-key-checks.js';
import { createdTable, tableCopy } from './statements.js';
import { renamedTables } from './renames.js';
import { statementTokens, type KeywordDialectId, type Token } from './tokens.js';

/** Tracks created and copied tables and created indexes; these dialects have no timeout the rules care about. */
export class KeywordScriptTracker implements ScriptTracker {
  private readonly createdTables = new Set<string>();
  private readonly createdIndexes = new Set<string>();
  private readonly copiedTables = new Set<string>();
  /** Created tables filled with the rows of an existing one: renamed, they are that table again. */
  private readonly copies = new Set<string>();
  readonly context: ScriptFacts = {
    createdTables: this.createdTables,
    createdIndexes: this.createdIndexes,
    copiedTables: this.copiedTables,
    lockTimeout: false,
    statementTimeout: false,
  };

  constructor(private readonly dialect: KeywordDialectId) {}

  observe(statement: SplitStatement): void {
    const tokens = statementTokens(statement);
    if (!tokens) return;
    const table = createdTable(tokens, statement.sql);
    if (table) this.createdTables.add(nameKey(table));
    const index = createdIndex(tokens, statement.sql);
    // An index of an existing table is new, but dropping or rebuilding it locks that table all the same.
    if (index && this.createdTables.has(index.table)) this.createdIndexes.add(index.name);
    const checks = this.dialect === 'mysql' ? foreignKeyChecksSet(tokens) : undefined;
    if (checks !== undefined) this.context.foreignKeyChecksOff = !checks;
    const copy = tableCopy(tokens, statement.sql);
    if (copy && this.createdTables.has(nameKey(copy.target)) && !this.createdTables.has(nameKey(copy.source))) {
      this.copiedTables.add(nameKey(copy.source));
      this.copies.add(nameKey(copy.target));
    }
    for (const rename of renamedTables(tokens, statement.sql, this.dialect)) {
      const [key, newKey] = [nameKey(rename.table), (rename.newName.split('.').at(-1) ?? '').toLowerCase()];
      // A copy renamed to the old table's name ends the rebuild: the table is the old one again.
      if (this.copies.has(key)) this.copiedTables.delete(newKey);
      else if (this.createdTables.has(key)) this.createdTables.add(newKey);
    }
  }
}

const INDEX_MODIFIERS: ReadonlySet<string> = new Set(['UNIQUE', 'FULLTEXT', 'SPATIAL', 'CLUSTERED', 'NONCLUSTERED']);

/** The lower-cased names of the index and its table in `CREATE [UNIQUE ...] INDEX [IF NOT EXISTS] name [USING type] ON table`. */
function createdIndex(tokens: readonly Token[], sql: string): { name: string; table: string } | undefined {
  if (!isWord(tokens[0], 'CREATE')) return undefined;
  const index = skipAnyOf(tokens, 1, INDEX_MODIFIERS);
  if (!isWord(tokens[index], 'INDEX')) return undefined;
  const name = readName(tokens, skipWords(tokens, index + 1, 'IF', 'NOT', 'EXISTS'), sql);
  const on = name ? findWord(tokens, 'ON', { start: name.next, end: tokens.length }) : -1;
  const table = on === -1 ? undefined : readName(tokens, on + 1, sql);
  return name && table && { name: nameKey(name), table: nameKey(table) };
}

/**
 * The named foreign keys of a `CREATE TABLE` or `ALTER TABLE`: `CONSTRAINT name FOREIGN KEY ...`,
 * and SQL Server's column form `CONSTRAINT name REFERENCES ...`.
 */
export function keywordForeignKeys(statement: LintStatement): string[] {
  const tokens = statementTokens(statement);
  if (!tokens || !(isWord(tokens[0], 'CREATE') || isWord(tokens[0], 'ALTER'))) return [];
  const names: string[] = [];
  tokens.forEach((token, index) => {
    const name = isWord(token, 'CONSTRAINT') ? readName(tokens, index + 1, statement.sql) : undefined;
    const follower = name && tokens[name.next];
    if (name && (isWord(follower, 'FOREIGN') || isWord(follower, 'REFERENCES'))) names.push(nameKey(name));
  });
  return names;
}
