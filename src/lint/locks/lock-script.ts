/**
 * The lock report of one script: cut and parsed as the linter does, each statement given to its
 * dialect's lock model with what the script did before it (a table the script created is new
 * to everyone else).
 */
import type { DialectId } from '../../dialects/dialect-id.js';
import { serverFacts } from '../engine.js';
import { DIALECT_LINTING, withParses } from '../lint-dialects.js';
import { splitStatements } from '../split-statements.js';
import { LineIndex } from '../text-position.js';
import type { LintStatement, ServerSettings } from '../types.js';
import type { LockEntry, LockFact, StatementLocks } from './lock-entry.js';
import { mysqlLocks } from './mysql.js';
import { postgresqlLocks } from './postgresql.js';

/** Each dialect's lock model; a dialect without one is not in the report (its inputs are named as not covered). */
export const LOCK_MODELS = {
  postgresql: postgresqlLocks,
  mysql: mysqlLocks,
  sqlite: undefined,
  mssql: undefined,
} as const satisfies Record<DialectId, StatementLocks | undefined>;

/** Whether the lock report covers the dialect. */
export function coversLocks(dialect: DialectId): boolean {
  return LOCK_MODELS[dialect] !== undefined;
}

export interface LockScriptOptions extends ServerSettings {
  /** The script's path as the entries show it. */
  file: string;
  dialect: DialectId;
  /** The script runs inside a transaction a tool opens (lint --assume-in-transaction). */
  assumeInTransaction?: boolean;
}

/** The longest statement an entry shows. */
const STATEMENT_LENGTH = 80;

/**
 * The locks the script's statements take, in script order; none for a dialect without a model.
 *
 * @example
 * await lockScript('create index on orders (placed_at);', { file: 'up.sql', dialect: 'postgresql' })
 * // [{ location: { file: 'up.sql', line: 1, column: 1 }, statement: 'create index on orders (placed_at)',
 * //    object: 'orders', mode: 'SHARE', blocks: 'writes', effect: 'scans', note: 'builds the index' }]
 */
export async function lockScript(text: string, options: LockScriptOptions): Promise<LockEntry[]> {
  const model = LOCK_MODELS[options.dialect];
  if (!model) return [];
  const linting = DIALECT_LINTING[options.dialect];
  const [parser, readBody] = await Promise.all([linting.loadParser?.(), linting.loadBodyReader?.()]);
  const tracker = linting.createTracker();
  const servers = serverFacts(options);
  const lines = new LineIndex(text);
  const entries: LockEntry[] = [];
  const locksOf = (statement: LintStatement, noteOf: (fact: LockFact) => string | undefined = (fact) => fact.note) => {
    if (statement.transactionControl) return;
    const shown = shortStatement(statement.sql);
    for (const fact of model(statement, { ...tracker.context, ...servers })) {
      const note = noteOf(fact);
      entries.push({ location: statement.location, statement: shown, ...fact, ...(note !== undefined && { note }) });
    }
  };
  const { statements } = splitStatements(text, { ...options, inTransaction: options.assumeInTransaction ?? false });
  for (const [statement, parsed] of withParses(statements, parser)) {
    const analysed = parsed && 'ast' in parsed ? { ...statement, ast: parsed.ast, astBase: parsed.base } : statement;
    const read = readBody?.(analysed);
    const body = read?.kind === 'do' && read.statements.length > 0 ? read : undefined;
    // A DO block's statements run where it stands: their locks are listed after its own entry,
    // which stays for what sqlgen cannot read (statements built at run time, functions called).
    locksOf(analysed, body ? () => READ_DO_BLOCK : undefined);
    tracker.observe(analysed);
    if (!body) continue;
    for (const inner of body.statements) {
      const offset = statement.offset + inner.offsetIn(0);
      const placed: LintStatement = { sql: inner.sql, dialect: statement.dialect, location: { file: options.file, ...lines.position(offset) }, inTransaction: true, ...(inner.transactionControl && { transactionControl: inner.transactionControl }) };
      const innerParse = parser?.one(inner.sql);
      const analysedInner = innerParse && 'ast' in innerParse ? { ...placed, ast: innerParse.ast, astBase: innerParse.base } : placed;
      locksOf(analysedInner, (fact) => [fact.note, 'in the DO block above'].filter(Boolean).join('; '));
      tracker.observe(analysedInner);
    }
  }
  return entries;
}

/** The note of a DO block whose statements were read: what is still unknown about it. */
const READ_DO_BLOCK = 'its statements follow; statements it builds at run time, and what the functions it calls do, are not shown';

/** The statement on one line, cut to {@link STATEMENT_LENGTH} characters. */
function shortStatement(sql: string): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > STATEMENT_LENGTH ? `${line.slice(0, STATEMENT_LENGTH - 1)}…` : line;
}
