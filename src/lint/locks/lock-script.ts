/**
 * The lock report of one script: cut and parsed as the linter does, each statement given to its
 * dialect's lock model with what the script did before it (a table the script created is new
 * to everyone else).
 */
import type { DialectId } from '../../dialects/dialect-id.js';
import { serverFacts } from '../engine.js';
import type { StatementBody } from '../postgresql/plpgsql-bodies.js';
import { splitStatements } from '../split-statements.js';
import { StatementWalk, type VisitedStatement } from '../statement-walk.js';
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
  const collector = lockCollector(options);
  if (!collector) return [];
  const { statements } = splitStatements(text, { ...options, inTransaction: options.assumeInTransaction ?? false });
  // A function's body runs when it is called, not here: the walk need not read it.
  const walk = await StatementWalk.load(options.dialect, new LineIndex(text), { functionBodies: false });
  walk.walk(statements, collector.observe);
  return collector.entries;
}

/** The lock entries of the statements a walk visits, gathered as it goes. */
export interface LockCollector {
  /** Takes each statement of the walk; those in a function's body are passed over (they run when called, not here). */
  observe(visited: VisitedStatement): void;
  /** The entries so far, in statement order. */
  readonly entries: LockEntry[];
}

/**
 * A collector for a walk that someone else runs, such as the linter's, so that a script is
 * parsed once for both; undefined when the dialect has no lock model.
 */
export function lockCollector(options: ServerSettings & { dialect: DialectId }): LockCollector | undefined {
  const model = LOCK_MODELS[options.dialect];
  if (!model) return undefined;
  const servers = serverFacts(options);
  const entries: LockEntry[] = [];
  const observe = ({ statement, facts, body, runsWhenCalled }: VisitedStatement): void => {
    if (statement.transactionControl || runsWhenCalled) return;
    const shown = shortStatement(statement.sql);
    const doBody = body?.kind === 'do' ? body : undefined;
    for (const fact of model(statement, Object.assign({}, facts, servers))) {
      const note = noteOf(fact, statement, doBody);
      entries.push({ location: statement.location, statement: shown, ...fact, ...(note !== undefined && { note }) });
    }
  };
  return { observe, entries };
}

/**
 * A DO block's statements are listed after its own entry, which stays for what sqlgen cannot
 * read (statements built at run time, functions called); theirs say where they stand.
 */
function noteOf(fact: LockFact, statement: LintStatement, body: StatementBody | undefined): string | undefined {
  if (body && body.statements.length > 0) return READ_DO_BLOCK;
  if (statement.enclosing?.kind === 'do') return [fact.note, 'in the DO block above'].filter(Boolean).join('; ');
  return fact.note;
}

/** The note of a DO block whose statements were read: what is still unknown about it. */
const READ_DO_BLOCK = 'its statements follow; statements it builds at run time, and what the functions it calls do, are not shown';

/** The statement on one line, cut to {@link STATEMENT_LENGTH} characters. */
function shortStatement(sql: string): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > STATEMENT_LENGTH ? `${line.slice(0, STATEMENT_LENGTH - 1)}…` : line;
}
