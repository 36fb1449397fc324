/**
 * What a MySQL or MariaDB statement changes in a table, one change per `ALTER TABLE` clause, in
 * the terms of the manuals' online DDL tables (adding a column, dropping an index...). Only what
 * the text shows: `MODIFY a int` may change a type, a nullability or nothing, and is read as a
 * redefinition. `ALGORITHM=` and `LOCK=` are how a change runs, not changes.
 */
import { alterTable, tableOption, type AlterClause } from '../keywords/alter-table.js';
import { findWord, isWord, readName, skipAnyOf, wordsAt, type QualifiedName, type Span } from '../keywords/shape.js';
import { renamedTables } from '../keywords/renames.js';
import type { Token } from '../keywords/tokens.js';

/** The kinds of change the online DDL model knows (see online-ddl.ts). */
export const CHANGE_KINDS = [
  'add-column',
  'add-column-placed',
  'add-auto-increment-column',
  'add-stored-column',
  'add-virtual-column',
  'drop-column',
  'rename-column',
  'redefine-column',
  'set-default',
  'drop-default',
  'add-index',
  'drop-index',
  'rename-index',
  'add-fulltext-index',
  'add-spatial-index',
  'add-primary-key',
  'drop-primary-key',
  'replace-primary-key',
  'add-foreign-key',
  'drop-foreign-key',
  'add-check',
  'drop-constraint',
  'convert-charset',
  'default-charset',
  'rebuild',
  'row-format',
  'auto-increment-value',
  'rename-table',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface TableChange {
  /** Undefined when the manuals' tables have no row for it (`COMMENT=`, `ALTER INDEX ... VISIBLE`). */
  kind: ChangeKind | undefined;
  /** The clause as written, for messages: `ADD FULLTEXT INDEX ft (body)`. */
  text: string;
  /** The name of the column, index or constraint the clause acts on, when it writes one. */
  name?: string;
  /** UTF-16 offset of the clause in the statement. */
  offset: number;
}

export interface TableChanges {
  table: QualifiedName;
  changes: TableChange[];
  /** The statement's own `ALGORITHM=` and `LOCK=` values (`DEFAULT` is as good as none). */
  algorithm?: string;
  lock?: string;
}

/**
 * The changes of an `ALTER TABLE`, `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX`, `DROP INDEX ... ON`
 * or `RENAME TABLE`; undefined for any other statement.
 *
 * @example
 * tableChanges(tokenize('ALTER TABLE t ADD COLUMN a int FIRST, DROP INDEX ix', 'mysql').tokens, sql)?.changes.map((c) => c.kind)
 * // ['add-column-placed', 'drop-index']
 */
export function tableChanges(tokens: readonly Token[], sql: string): TableChanges | undefined {
  return alteredTableChanges(tokens, sql) ?? indexStatementChanges(tokens, sql) ?? renameTableChanges(tokens, sql);
}

function alteredTableChanges(tokens: readonly Token[], sql: string): TableChanges | undefined {
  const altered = alterTable(tokens, sql, 'mysql');
  if (!altered) return undefined;
  const options = new Map<string, string | undefined>();
  const changes: TableChange[] = [];
  for (const clause of altered.clauses) {
    if (clause.verb === 'ALGORITHM' || clause.verb === 'LOCK') options.set(clause.verb, runOption(optionValue(tokens, clause.start)));
    else changes.push(clauseChange(tokens, clause, sql));
  }
  const kinds = new Set(changes.map((change) => change.kind));
  // Dropping the primary key and adding another in one statement is its own row of the tables.
  if (kinds.has('drop-primary-key') && kinds.has('add-primary-key')) {
    for (const change of changes) if (change.kind === 'drop-primary-key' || change.kind === 'add-primary-key') change.kind = 'replace-primary-key';
  }
  return { table: altered.table, changes, algorithm: options.get('ALGORITHM'), lock: options.get('LOCK') };
}

function clauseChange(tokens: readonly Token[], clause: AlterClause, sql: string): TableChange {
  const change: TableChange = { kind: clauseKind(tokens, clause, sql), text: sql.slice(tokens[clause.start]?.offset, tokens[clause.end - 1]?.end), offset: tokens[clause.start]?.offset ?? 0 };
  // `ADD UNIQUE INDEX ux`: the kind's second word; `ADD CONSTRAINT FOREIGN KEY`: no name.
  const at = isWord(tokens[clause.name], 'INDEX') || isWord(tokens[clause.name], 'KEY') ? clause.name + 1 : clause.name;
  const name = NAMING_VERBS.has(clause.verb) && !CONSTRAINT_WORDS.has(tokens[at]?.text ?? '') ? readName(tokens, at, sql) : undefined;
  return name ? { ...change, name: name.parts.join('.') } : change;
}

/** The verbs whose clause names its object after the kind: `ADD INDEX ix`, `DROP COLUMN c`; table options name none. */
const NAMING_VERBS: ReadonlySet<string> = new Set(['ADD', 'DROP', 'ALTER', 'MODIFY', 'CHANGE', 'RENAME']);

/** The value of the option named at `index`: `ALGORITHM [=] INPLACE`, `ENGINE [=] InnoDB`, upper-cased. */
function optionValue(tokens: readonly Token[], index: number): string | undefined {
  return tokens[tokens[index + 1]?.text === '=' ? index + 2 : index + 1]?.text.toUpperCase();
}

/** An `ALGORITHM` or `LOCK` value; `DEFAULT` asks for nothing, as if the option were not written. */
function runOption(value: string | undefined): string | undefined {
  return value === 'DEFAULT' ? undefined : value;
}

/** The first word of a table option, as the clause's verb, and what changing it does. */
const OPTION_KINDS: Readonly<Record<string, ChangeKind>> = {
  FORCE: 'rebuild',
  ROW_FORMAT: 'row-format',
  KEY_BLOCK_SIZE: 'row-format',
  AUTO_INCREMENT: 'auto-increment-value',
  CHARACTER: 'default-charset',
  CHARSET: 'default-charset',
  COLLATE: 'default-charset',
  CONVERT: 'convert-charset',
};

function clauseKind(tokens: readonly Token[], clause: AlterClause, sql: string): ChangeKind | undefined {
  switch (clause.verb) {
    case 'ADD':
      return addedKind(tokens, clause, sql);
    case 'DROP':
      return DROPPED_KINDS[clause.object];
    case 'ALTER':
      return clause.object === 'COLUMN' ? defaultKind(tokens, clause, sql) : undefined;
    case 'MODIFY':
    case 'CHANGE':
      return 'redefine-column';
    case 'RENAME':
      return RENAMED_KINDS[clause.object] ?? (clause.object === '' ? 'rename-table' : undefined);
    case 'DEFAULT':
      return 'default-charset';
    // ENGINE=InnoDB on an InnoDB table rebuilds it in place; another engine is not in the tables.
    case 'ENGINE':
      return optionValue(tokens, clause.start) === 'INNODB' ? 'rebuild' : undefined;
    default:
      return OPTION_KINDS[clause.verb];
  }
}

const DROPPED_KINDS: Readonly<Record<string, ChangeKind>> = {
  COLUMN: 'drop-column',
  INDEX: 'drop-index',
  KEY: 'drop-index',
  'PRIMARY KEY': 'drop-primary-key',
  'FOREIGN KEY': 'drop-foreign-key',
  // MySQL's DROP CHECK; DROP CONSTRAINT drops a constraint of any kind, and the tables describe CHECK ones.
  CHECK: 'drop-constraint',
  CONSTRAINT: 'drop-constraint',
};

const RENAMED_KINDS: Readonly<Record<string, ChangeKind>> = { COLUMN: 'rename-column', INDEX: 'rename-index', KEY: 'rename-index' };

/** What `ADD ...` adds: a column of some sort, an index, a key or a constraint. */
function addedKind(tokens: readonly Token[], clause: AlterClause, sql: string): ChangeKind | undefined {
  const object = clause.object === 'CONSTRAINT' ? constraintObject(tokens, clause, sql) : clause.object;
  if (object === 'COLUMN') return addedColumnKind(tokens, clause);
  return ADDED_KINDS[object];
}

const ADDED_KINDS: Readonly<Record<string, ChangeKind>> = {
  INDEX: 'add-index',
  KEY: 'add-index',
  UNIQUE: 'add-index',
  'UNIQUE KEY': 'add-index',
  FULLTEXT: 'add-fulltext-index',
  'FULLTEXT KEY': 'add-fulltext-index',
  SPATIAL: 'add-spatial-index',
  'SPATIAL KEY': 'add-spatial-index',
  'PRIMARY KEY': 'add-primary-key',
  'FOREIGN KEY': 'add-foreign-key',
  CHECK: 'add-check',
};

/** The kind after `CONSTRAINT [name]`: `PRIMARY KEY`, `UNIQUE`, `FOREIGN KEY`, `CHECK`. */
function constraintObject(tokens: readonly Token[], clause: AlterClause, sql: string): string {
  const named = tokens[clause.name]?.kind === 'quoted-identifier' || !CONSTRAINT_WORDS.has(tokens[clause.name]?.text ?? '');
  const at = named ? (readName(tokens, clause.name, sql)?.next ?? clause.name) : clause.name;
  const word = tokens[at]?.text ?? '';
  return word === 'PRIMARY' || word === 'FOREIGN' ? `${word} KEY` : word;
}

const CONSTRAINT_WORDS: ReadonlySet<string> = new Set(['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK']);

/** A column definition's words decide: `AUTO_INCREMENT`, `AS (...) STORED`, `AS (...)` (virtual), `FIRST`/`AFTER`. */
function addedColumnKind(tokens: readonly Token[], clause: AlterClause): ChangeKind {
  const span: Span = { start: clause.name, end: clause.end };
  const has = (word: string): boolean => hasWord(tokens, word, span);
  if (has('AUTO_INCREMENT')) return 'add-auto-increment-column';
  if (has('AS')) return has('STORED') || has('PERSISTENT') ? 'add-stored-column' : 'add-virtual-column';
  return has('FIRST') || has('AFTER') ? 'add-column-placed' : 'add-column';
}

/** Whether `word` is in the span at any depth: `ADD (a int, b int AUTO_INCREMENT)` lists columns in parentheses. */
function hasWord(tokens: readonly Token[], word: string, span: Span): boolean {
  for (let index = span.start; index < span.end; index += 1) if (isWord(tokens[index], word)) return true;
  return false;
}

/** `ALTER [COLUMN] c SET DEFAULT ...` or `DROP DEFAULT`; other `ALTER COLUMN` forms are not in the tables. */
function defaultKind(tokens: readonly Token[], clause: AlterClause, sql: string): ChangeKind | undefined {
  const after = readName(tokens, clause.name, sql)?.next ?? clause.name;
  if (wordsAt(tokens, after, 'SET', 'DEFAULT')) return 'set-default';
  return wordsAt(tokens, after, 'DROP', 'DEFAULT') ? 'drop-default' : undefined;
}

const INDEX_KINDS: Readonly<Record<string, ChangeKind>> = { FULLTEXT: 'add-fulltext-index', SPATIAL: 'add-spatial-index' };
const INDEX_MODIFIERS: ReadonlySet<string> = new Set(['UNIQUE', 'FULLTEXT', 'SPATIAL', 'ONLINE', 'OFFLINE']);

/** `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name ON t (...)` and `DROP INDEX name ON t`. */
function indexStatementChanges(tokens: readonly Token[], sql: string): TableChanges | undefined {
  const creates = isWord(tokens[0], 'CREATE');
  if (!creates && !isWord(tokens[0], 'DROP')) return undefined;
  const indexWord = skipAnyOf(tokens, 1, INDEX_MODIFIERS);
  if (!isWord(tokens[indexWord], 'INDEX')) return undefined;
  const on = findWord(tokens, 'ON');
  const table = on === -1 ? undefined : readName(tokens, on + 1, sql);
  if (!table) return undefined;
  const modifier = tokens.slice(1, indexWord).find((token) => INDEX_KINDS[token.text] !== undefined)?.text ?? '';
  const kind: ChangeKind = creates ? (INDEX_KINDS[modifier] ?? 'add-index') : 'drop-index';
  const algorithm = runOption(tableOption(tokens, 'ALGORITHM', table.next)?.value);
  const lock = runOption(tableOption(tokens, 'LOCK', table.next)?.value);
  return { table, changes: [{ kind, text: sql.slice(0, tokens[on]?.offset).trim(), offset: 0 }], algorithm, lock };
}

/** `RENAME TABLE a TO b`: the first table renamed (each rename is the same kind of change). */
function renameTableChanges(tokens: readonly Token[], sql: string): TableChanges | undefined {
  if (!wordsAt(tokens, 0, 'RENAME', 'TABLE')) return undefined;
  const rename = renamedTables(tokens, sql, 'mysql')[0];
  return rename && { table: rename.table, changes: [{ kind: 'rename-table', text: sql.trim(), offset: 0 }] };
}
