/**
 * The tables a query reads, for the locks of SELECT, of the query inside INSERT, UPDATE, DELETE,
 * MERGE and CREATE ... AS, and of a view's definition: ACCESS SHARE on each, ROW SHARE on those
 * a FOR UPDATE/SHARE clause locks. Tables reached only through views, functions or foreign-key
 * checks are not in the text, so not seen.
 */
import type { LockingClause, RangeVar } from 'libpg-query';
import { lockOn, type PostgresqlLock } from './postgresql-lock.js';

/**
 * The locks of the tables `tree` reads. A DML statement's own target is held apart by the parse
 * tree (a bare `relation`), so it is not among them. FOR UPDATE OF names a table by its alias when it has one.
 *
 * @example
 * queryLocks(parsed('select * from orders o join customers c on ... for update of o'))
 * // [{ object: 'orders', mode: 'ROW SHARE', ... }, { object: 'customers', mode: 'ACCESS SHARE', ... }]
 */
export function queryLocks(tree: unknown): PostgresqlLock[] {
  const found = { relations: [] as RangeVar[], cteNames: new Set<string>(), lockingClauses: [] as LockingClause[] };
  collect(tree, found);
  const read = found.relations.filter((relation) => relation.schemaname !== undefined || !found.cteNames.has(relation.relname ?? ''));
  const lockedByName = found.lockingClauses.flatMap((clause) => (clause.lockedRels ?? []).flatMap((item) => ('RangeVar' in item ? [item.RangeVar.relname] : [])));
  const locksAll = found.lockingClauses.some((clause) => (clause.lockedRels ?? []).length === 0);
  const locked = (relation: RangeVar) => locksAll || lockedByName.includes(relation.alias?.aliasname ?? relation.relname);
  return read.flatMap((relation) => lockOn(relation, locked(relation) ? 'ROW SHARE' : 'ACCESS SHARE'));
}

interface Found {
  relations: RangeVar[];
  cteNames: Set<string>;
  lockingClauses: LockingClause[];
}

/** Walks the tree for table references (wrapped `RangeVar` nodes), WITH names and locking clauses. */
function collect(tree: unknown, found: Found): void {
  if (Array.isArray(tree)) {
    for (const item of tree) collect(item, found);
    return;
  }
  if (typeof tree !== 'object' || tree === null) return;
  for (const [key, value] of Object.entries(tree)) {
    if (key === 'RangeVar') found.relations.push(value as RangeVar);
    else if (key === 'CommonTableExpr') found.cteNames.add((value as { ctename?: string }).ctename ?? '');
    else if (key === 'LockingClause') found.lockingClauses.push(value as LockingClause);
    if (key !== 'LockingClause') collect(value, found);
  }
}
