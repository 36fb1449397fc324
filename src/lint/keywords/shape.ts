/**
 * Small readers of a statement's tokens, shared by the keyword rules: words at a position, names,
 * top-level lists. Each takes the token list and an index and never looks past what it needs.
 */
import type { LintContext } from '../types.js';
import type { Token } from './tokens.js';

/** A run of tokens, `end` excluded. */
export interface Span {
  start: number;
  end: number;
}

/** A possibly qualified name as written: `dbo.orders`, `` `shop`.`orders` ``, `[orders]`. */
export interface QualifiedName {
  /** The parts, unquoted and in the case they are written in. */
  parts: string[];
  /** UTF-16 offset of the name in the statement. */
  offset: number;
  /** The index of the first token after the name. */
  next: number;
}

export function isWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'word' && token.text === word;
}

/**
 * Whether `words` are the tokens from `index` on.
 *
 * @example
 * wordsAt(tokenize('drop table t', 'mysql').tokens, 0, 'DROP', 'TABLE') // true
 */
export function wordsAt(tokens: readonly Token[], index: number, ...words: string[]): boolean {
  return words.every((word, at) => isWord(tokens[index + at], word));
}

/** The index after `words` when they are at `index`, else `index`: for optional phrases such as `IF EXISTS`. */
export function skipWords(tokens: readonly Token[], index: number, ...words: string[]): number {
  return wordsAt(tokens, index, ...words) ? index + words.length : index;
}

/** The index after any of `words` at `index`, repeatedly: `LOW_PRIORITY IGNORE` in any order. */
export function skipAnyOf(tokens: readonly Token[], index: number, words: ReadonlySet<string>): number {
  let at = index;
  while (tokens[at]?.kind === 'word' && words.has(tokens[at]?.text ?? '')) at += 1;
  return at;
}

/** The index of the first `word` in `span` at the depth of its first token, or -1. */
export function findWord(tokens: readonly Token[], word: string, span: Span = { start: 0, end: tokens.length }): number {
  const depth = tokens[span.start]?.depth ?? 0;
  for (let index = span.start; index < span.end; index += 1) {
    const token = tokens[index] as Token;
    if (token.depth === depth && token.kind === 'word' && token.text === word) return index;
  }
  return -1;
}

/**
 * The comma-separated items of `span`, at the depth of its first token: the clauses of an
 * `ALTER TABLE`, the elements of a `CREATE TABLE`.
 */
export function listItems(tokens: readonly Token[], span: Span): Span[] {
  const depth = tokens[span.start]?.depth ?? 0;
  const items: Span[] = [];
  let start = span.start;
  for (let index = span.start; index < span.end; index += 1) {
    const token = tokens[index] as Token;
    if (token.depth === depth && token.kind === 'punctuation' && token.text === ',') {
      items.push({ start, end: index });
      start = index + 1;
    }
  }
  if (start < span.end) items.push({ start, end: span.end });
  return items;
}

/** The tokens inside the parentheses that open at `open`, or undefined when `open` is no `(`. */
export function insideParentheses(tokens: readonly Token[], open: number): Span | undefined {
  const token = tokens[open];
  if (token?.text !== '(' || token.kind !== 'punctuation') return undefined;
  let close = open + 1;
  while (close < tokens.length && !(tokens[close]?.text === ')' && tokens[close]?.depth === token.depth)) close += 1;
  return { start: open + 1, end: close };
}

/** The name that starts at `index`: words and quoted identifiers joined by dots; undefined when there is none. */
export function readName(tokens: readonly Token[], index: number, sql: string): QualifiedName | undefined {
  const parts: string[] = [];
  let at = index;
  for (;;) {
    const token = tokens[at];
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted-identifier')) break;
    parts.push(token.kind === 'word' ? sql.slice(token.offset, token.end) : token.text);
    at += 1;
    if (!(tokens[at]?.text === '.' && tokens[at]?.kind === 'punctuation')) break;
    at += 1;
  }
  const first = tokens[index];
  return parts.length === 0 || !first ? undefined : { parts, offset: first.offset, next: at };
}

/** The comma-separated names from `index` on: `DROP TABLE a, b.c`. */
export function readNames(tokens: readonly Token[], index: number, sql: string): QualifiedName[] {
  const names: QualifiedName[] = [];
  for (let name = readName(tokens, index, sql); name; name = readName(tokens, name.next + 1, sql)) {
    names.push(name);
    if (tokens[name.next]?.text !== ',') break;
  }
  return names;
}

/** `schema.table` or `table`, as written. */
export function nameLabel(name: QualifiedName): string {
  return name.parts.join('.');
}

/** The last part of a name, lower-cased: how the keyword tracker records created tables. */
export function nameKey(name: QualifiedName): string {
  return (name.parts.at(-1) ?? '').toLowerCase();
}

/**
 * Whether `name` is a table that existed before the script: not one the script created, nor a
 * SQL Server temporary table (`#t`) or table variable (`@t`). Names are compared without case.
 */
export function isExistingTableName(name: QualifiedName | undefined, context: LintContext): boolean {
  if (!name) return false;
  const key = nameKey(name);
  return !/^[#@]/.test(key) && !context.createdTables.has(key);
}

/** The first word of the statement and, after `WITH ... AS (...)`, of its main part. */
export function mainVerb(tokens: readonly Token[]): number {
  if (!isWord(tokens[0], 'WITH')) return 0;
  let index = 1;
  while (index < tokens.length && !(tokens[index]?.depth === 0 && tokens[index]?.kind === 'word' && MAIN_VERBS.has(tokens[index]?.text ?? ''))) index += 1;
  return index;
}

const MAIN_VERBS: ReadonlySet<string> = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE']);
