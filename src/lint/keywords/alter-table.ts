/**
 * `ALTER TABLE` read clause by clause: `ALTER TABLE t ADD c int, DROP COLUMN d, ALGORITHM=INPLACE`.
 * Each clause is classified by its verb and the kind of object it acts on; dialect differences are
 * data (what a bare `DROP x` drops, whether a T-SQL list continues the previous verb).
 */
import type { LintContext } from '../types.js';
import { isExistingTableName, isWord, listItems, readName, skipWords, type QualifiedName, type Span } from './shape.js';
import type { KeywordDialectId, Token } from './tokens.js';

export interface AlterTable {
  table: QualifiedName;
  clauses: AlterClause[];
}

export interface AlterClause extends Span {
  /** `ADD`, `DROP`, `ALTER`, `MODIFY`, `CHANGE`, `RENAME`, or the first word of an option (`ALGORITHM`). */
  verb: string;
  /**
   * What the verb acts on: `COLUMN`, `CONSTRAINT`, `INDEX`, `KEY`, `PRIMARY KEY`, `FOREIGN KEY`,
   * `UNIQUE`, `CHECK`, `PARTITION`..., or the dialect's default when the clause names none.
   */
  object: string;
  /** The index of the object's name (after `IF [NOT] EXISTS`); it may be past the clause. */
  name: number;
}

interface AlterSyntax {
  /** What `ADD x ...` and `DROP x` act on when no kind is written. */
  bareAdd: string;
  bareDrop: string;
  /** SQL Server: `DROP COLUMN a, b` drops both; MySQL repeats the verb in each clause. */
  listContinuesVerb: boolean;
}

const ALTER_SYNTAX: Record<KeywordDialectId, AlterSyntax> = {
  mysql: { bareAdd: 'COLUMN', bareDrop: 'COLUMN', listContinuesVerb: false },
  sqlite: { bareAdd: 'COLUMN', bareDrop: 'COLUMN', listContinuesVerb: false },
  mssql: { bareAdd: 'COLUMN', bareDrop: 'CONSTRAINT', listContinuesVerb: true },
};

/** The verbs whose clause acts on a column when it names no kind of object. */
const COLUMN_VERBS: ReadonlySet<string> = new Set(['ALTER', 'MODIFY', 'CHANGE']);
const CLAUSE_VERBS: ReadonlySet<string> = new Set(['ADD', 'DROP', 'ALTER', 'MODIFY', 'CHANGE', 'RENAME', 'WITH', 'CHECK', 'NOCHECK', 'ENABLE', 'DISABLE', 'SWITCH', 'SET', 'REBUILD']);
const OBJECT_WORDS: ReadonlySet<string> = new Set(['COLUMN', 'CONSTRAINT', 'INDEX', 'KEY', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'CHECK', 'PARTITION', 'FULLTEXT', 'SPATIAL', 'PERIOD', 'SYSTEM']);
/** Second words of two-word kinds: `PRIMARY KEY`, `FOREIGN KEY`, `SYSTEM VERSIONING`, `PERIOD FOR`. */
const OBJECT_SECOND_WORDS: ReadonlySet<string> = new Set(['KEY', 'VERSIONING', 'FOR']);

/** Parsed `ALTER TABLE`s by token list: each rule asks, and a statement is read once. */
const PARSED = new WeakMap<readonly Token[], AlterTable | undefined>();

/**
 * The table and clauses of an `ALTER TABLE`, or undefined for any other statement.
 *
 * @example
 * alterTable(tokenize('ALTER TABLE t DROP COLUMN a, b', 'mssql').tokens, sql, 'mssql')?.clauses.map((c) => [c.verb, c.object])
 * // [['DROP', 'COLUMN'], ['DROP', 'COLUMN']]
 */
export function alterTable(tokens: readonly Token[], sql: string, dialect: KeywordDialectId): AlterTable | undefined {
  if (!isWord(tokens[0], 'ALTER')) return undefined;
  if (!PARSED.has(tokens)) PARSED.set(tokens, parseAlterTable(tokens, sql, dialect));
  return PARSED.get(tokens);
}

function parseAlterTable(tokens: readonly Token[], sql: string, dialect: KeywordDialectId): AlterTable | undefined {
  let index = 1;
  while (isWord(tokens[index], 'ONLINE') || isWord(tokens[index], 'IGNORE')) index += 1;
  if (!isWord(tokens[index], 'TABLE')) return undefined;
  const table = readName(tokens, skipWords(tokens, index + 1, 'IF', 'EXISTS'), sql);
  if (!table) return undefined;
  const syntax = ALTER_SYNTAX[dialect];
  const clauses: AlterClause[] = [];
  for (const item of listItems(tokens, { start: table.next, end: tokens.length })) {
    const previous = clauses.at(-1);
    const continued = syntax.listContinuesVerb && previous !== undefined && !CLAUSE_VERBS.has(tokens[item.start]?.text ?? '');
    clauses.push(continued ? continuedClause(tokens, item, previous) : clause(tokens, item, syntax));
  }
  return { table, clauses };
}

/** The `ALTER TABLE` of an existing table (see {@link isExistingTableName}), or undefined. */
export function alterExistingTable(tokens: readonly Token[], sql: string, dialect: KeywordDialectId, context: LintContext): AlterTable | undefined {
  const altered = alterTable(tokens, sql, dialect);
  return altered && isExistingTableName(altered.table, context) ? altered : undefined;
}

function clause(tokens: readonly Token[], span: Span, syntax: AlterSyntax): AlterClause {
  const verb = tokens[span.start]?.kind === 'word' ? (tokens[span.start]?.text ?? '') : '';
  const { object, next } = objectAt(tokens, span.start + 1);
  const fallback = verb === 'ADD' ? syntax.bareAdd : verb === 'DROP' ? syntax.bareDrop : COLUMN_VERBS.has(verb) ? 'COLUMN' : '';
  return { ...span, verb, object: object || fallback, name: afterExistenceTest(tokens, next) };
}

/** A T-SQL list item without a verb: `b` in `DROP COLUMN a, b`, `CONSTRAINT c` in `DROP COLUMN a, CONSTRAINT c`. */
function continuedClause(tokens: readonly Token[], span: Span, previous: AlterClause): AlterClause {
  const { object, next } = objectAt(tokens, span.start);
  return { ...span, verb: previous.verb, object: object || previous.object, name: afterExistenceTest(tokens, next) };
}

function objectAt(tokens: readonly Token[], index: number): { object: string; next: number } {
  const first = tokens[index];
  if (first?.kind !== 'word' || !OBJECT_WORDS.has(first.text)) return { object: '', next: index };
  const second = tokens[index + 1];
  if (second?.kind === 'word' && OBJECT_SECOND_WORDS.has(second.text) && first.text !== 'KEY') return { object: `${first.text} ${second.text}`, next: index + 2 };
  return { object: first.text, next: index + 1 };
}

function afterExistenceTest(tokens: readonly Token[], index: number): number {
  return skipWords(tokens, skipWords(tokens, index, 'IF', 'NOT', 'EXISTS'), 'IF', 'EXISTS');
}

/** The value of a `name [=] value` table option anywhere at the top level (`ALGORITHM=COPY`), upper-cased. */
export function tableOption(tokens: readonly Token[], name: string, from = 0): { value: string; offset: number } | undefined {
  for (let index = from; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.depth !== 0 || token.kind !== 'word' || token.text !== name) continue;
    const value = tokens[tokens[index + 1]?.text === '=' ? index + 2 : index + 1];
    if (value?.kind === 'word') return { value: value.text, offset: token.offset };
  }
  return undefined;
}
