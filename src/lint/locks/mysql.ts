/**
 * MySQL's and MariaDB's lock model: for an `ALTER TABLE`, `CREATE`/`DROP INDEX` or `RENAME TABLE`,
 * each change with the ALGORITHM and LOCK the configured server gives it (the online DDL model,
 * mysql/online-ddl.ts, which cites the manuals), or the ones the statement asks for. Every online
 * change also takes an exclusive metadata lock for a moment at its start and end, which waits for
 * open transactions on the table; the report shows the lock held for the length of the change.
 * Other statements are left out: the manuals state these defaults for table changes only.
 */
import { isExistingTableName, nameLabel } from '../keywords/shape.js';
import { statementTokens } from '../keywords/tokens.js';
import { defaultCopyLock, onlinePlan, targetLabel, targetOf, type Algorithm, type OnlineLock, type PlannedChange } from '../mysql/online-ddl.js';
import type { ChangeKind } from '../mysql/table-changes.js';
import type { LintContext } from '../types.js';
import type { LockBlocks, LockEffect, LockFact, StatementLocks } from './lock-entry.js';

const BLOCKS: Record<OnlineLock, LockBlocks> = { NONE: 'nothing', SHARED: 'writes', EXCLUSIVE: 'reads and writes' };
/** Most efficient first: asking for one the change does not support makes the statement fail. */
const ALGORITHMS: readonly Algorithm[] = ['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'];
const LOCKS: readonly OnlineLock[] = ['NONE', 'SHARED', 'EXCLUSIVE'];
/** Changes that read the whole table without rewriting it. */
const SCANS: ReadonlySet<ChangeKind> = new Set(['add-index', 'add-fulltext-index', 'add-spatial-index']);

/**
 * The locks of one MySQL statement, one per change.
 *
 * @example
 * mysqlLocks(statement('ALTER TABLE orders ADD FULLTEXT INDEX ft (note)'), context)
 * // [{ object: 'orders', mode: 'ALGORITHM=INPLACE, LOCK=SHARED', blocks: 'writes', effect: 'may rewrite', note: 'ADD FULLTEXT INDEX ft (note): ...' }]
 */
export const mysqlLocks: StatementLocks = (statement, context) => {
  const tokens = statementTokens(statement);
  const plan = tokens && onlinePlan(tokens, statement.sql, context);
  if (!plan) return [];
  const object = nameLabel(plan.table);
  const created = !isExistingTableName(plan.table, context);
  return plan.changes.map((change) => changeLock(change, object, created, plan, context));
};

function changeLock(change: PlannedChange, object: string, created: boolean, asked: { algorithm?: string; lock?: string }, context: LintContext): LockFact {
  const online = change.online;
  const notes = [change.text, ...(created ? ['created earlier in this script'] : [])];
  if (!online) return { object, mode: 'unknown', blocks: 'unknown', effect: 'unknown', note: [...notes, `the manuals state no default for this on ${targetLabel(targetOf(context))}`].join('; ') };
  const refusal = refused(online.algorithm, online.lock, asked);
  if (refusal) return { object, mode: [asked.algorithm && `ALGORITHM=${asked.algorithm}`, asked.lock && `LOCK=${asked.lock}`].filter(Boolean).join(', '), blocks: 'nothing', effect: 'none', note: [...notes, refusal].join('; ') };
  const algorithm = (asked.algorithm as Algorithm | undefined) ?? online.algorithm;
  const copies = algorithm === 'COPY';
  const lock = (asked.lock as OnlineLock | undefined) ?? (copies && online.algorithm !== 'COPY' ? defaultCopyLock(targetOf(context)) : online.lock);
  const effect = asked.algorithm === 'COPY' ? 'rewrites' : effectOf(change, online.rebuildsTable, online.caveat);
  const facts = [...notes, ...(online.caveat && asked.algorithm !== 'COPY' ? [online.caveat] : []), online.source];
  return { object, mode: `ALGORITHM=${algorithm}, LOCK=${lock}`, blocks: BLOCKS[lock], effect, note: facts.join('; ') };
}

/** Why the server refuses the statement's own ALGORITHM or LOCK, if it does. */
function refused(algorithm: Algorithm, lock: OnlineLock, asked: { algorithm?: string; lock?: string }): string | undefined {
  const askedAlgorithm = ALGORITHMS.indexOf(asked.algorithm as Algorithm);
  if (asked.algorithm !== 'COPY' && askedAlgorithm !== -1 && askedAlgorithm < ALGORITHMS.indexOf(algorithm)) return `the statement fails: the server refuses ALGORITHM=${asked.algorithm} for this change (it needs ${algorithm})`;
  const askedLock = LOCKS.indexOf(asked.lock as OnlineLock);
  if (asked.algorithm !== 'COPY' && askedLock !== -1 && askedLock < LOCKS.indexOf(lock)) return `the statement fails: the server refuses LOCK=${asked.lock} for this change (it needs ${lock})`;
  return undefined;
}

function effectOf(change: PlannedChange, rebuildsTable: boolean, caveat: string | undefined): LockEffect {
  if (rebuildsTable) return caveat ? 'may rewrite' : 'rewrites';
  return change.kind !== undefined && SCANS.has(change.kind) ? 'scans' : 'none';
}
