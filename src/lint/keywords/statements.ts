/**
 * Readers for the statement shapes several keyword rules share: `DROP <object>`, `CREATE TABLE`,
 * `UPDATE` and `DELETE`. Each returns undefined for a statement of another shape.
 */
import { findWord, insideParentheses, isWord, mainVerb, readName, readNames, skipAnyOf, skipWords, type QualifiedName } from './shape.js';
import type { Token } from './tokens.js';

export interface DropStatement {
  /** `TABLE`, `DATABASE`, `SCHEMA`, `INDEX`, `FULLTEXT INDEX`... */
  object: string;
  /** `DROP TEMPORARY TABLE` (MySQL) touches no other session. */
  temporary: boolean;
  names: QualifiedName[];
}

/**
 * `DROP [TEMPORARY] <object> [IF EXISTS] name, ...`.
 *
 * @example
 * dropStatement(tokenize('DROP TABLE IF EXISTS a, b', 'mysql').tokens, sql) // { object: 'TABLE', temporary: false, names: [a, b] }
 */
export function dropStatement(tokens: readonly Token[], sql: string): DropStatement | undefined {
  if (!isWord(tokens[0], 'DROP')) return undefined;
  const temporary = isWord(tokens[1], 'TEMPORARY');
  let index = temporary ? 2 : 1;
  const first = tokens[index];
  if (first?.kind !== 'word') return undefined;
  let object = first.text;
  index += 1;
  if (object === 'FULLTEXT' && tokens[index]?.kind === 'word') object = `FULLTEXT ${tokens[index++]?.text ?? ''}`;
  return { object, temporary, names: readNames(tokens, skipWords(tokens, index, 'IF', 'EXISTS'), sql) };
}

const CREATE_TABLE_MODIFIERS: ReadonlySet<string> = new Set(['OR', 'REPLACE', 'GLOBAL', 'LOCAL', 'TEMPORARY', 'TEMP']);

/** The name in `CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] name ...`. */
export function createdTable(tokens: readonly Token[], sql: string): QualifiedName | undefined {
  if (!isWord(tokens[0], 'CREATE')) return undefined;
  const index = skipAnyOf(tokens, 1, CREATE_TABLE_MODIFIERS);
  if (!isWord(tokens[index], 'TABLE')) return undefined;
  return readName(tokens, skipWords(tokens, index + 1, 'IF', 'NOT', 'EXISTS'), sql);
}

export interface DataChange {
  verb: 'UPDATE' | 'DELETE';
  /** The table changed; for MySQL's multi-table forms, the first one named. */
  table: QualifiedName;
  /** The index of the verb: after a `WITH` clause, not 0. */
  verbIndex: number;
  /** Whether the statement has a top-level `WHERE`. */
  filtered: boolean;
  /** Whether `LIMIT` (MySQL, SQLite) or `TOP` (SQL Server) caps the rows it changes. */
  limited: boolean;
}

/** Words between the verb and the table: MySQL's `LOW_PRIORITY`, `QUICK`, `IGNORE`. */
const CHANGE_MODIFIERS: ReadonlySet<string> = new Set(['LOW_PRIORITY', 'QUICK', 'IGNORE']);
/** SQLite's `UPDATE OR REPLACE`: the word after `OR`. */
const CONFLICT_CLAUSES: ReadonlySet<string> = new Set(['ROLLBACK', 'ABORT', 'REPLACE', 'FAIL', 'IGNORE']);

/** An `UPDATE` or `DELETE`, possibly after `WITH ...`. */
export function dataChange(tokens: readonly Token[], sql: string): DataChange | undefined {
  const verbIndex = mainVerb(tokens);
  const verb = tokens[verbIndex]?.text;
  if ((verb !== 'UPDATE' && verb !== 'DELETE') || tokens[verbIndex]?.kind !== 'word') return undefined;
  let index = skipAnyOf(tokens, verbIndex + 1, CHANGE_MODIFIERS);
  if (isWord(tokens[index], 'OR') && CONFLICT_CLAUSES.has(tokens[index + 1]?.text ?? '')) index += 2;
  const top = isWord(tokens[index], 'TOP');
  if (top) {
    const count = insideParentheses(tokens, index + 1);
    index = skipWords(tokens, count ? count.end + 1 : index + 2, 'PERCENT');
  }
  const table = readName(tokens, skipWords(tokens, index, 'FROM'), sql);
  if (!table) return undefined;
  const rest = { start: verbIndex, end: tokens.length };
  return { verb, table, verbIndex, filtered: findWord(tokens, 'WHERE', rest) !== -1, limited: top || findWord(tokens, 'LIMIT', rest) !== -1 };
}

/** `INSERT [OR ...] INTO target [(columns)] SELECT ... FROM source ...`: the first table the rows come from. */
export function tableCopy(tokens: readonly Token[], sql: string): { target: QualifiedName; source: QualifiedName } | undefined {
  if (!isWord(tokens[0], 'INSERT')) return undefined;
  const into = findWord(tokens, 'INTO');
  const target = into === -1 ? undefined : readName(tokens, into + 1, sql);
  const select = target ? findWord(tokens, 'SELECT', { start: target.next, end: tokens.length }) : -1;
  const from = select === -1 ? -1 : findWord(tokens, 'FROM', { start: select, end: tokens.length });
  const source = from === -1 ? undefined : readName(tokens, from + 1, sql);
  return target && source ? { target, source } : undefined;
}
