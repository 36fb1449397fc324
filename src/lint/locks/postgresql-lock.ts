/**
 * What the PostgreSQL lock model builds before it becomes a {@link LockFact}: a lock on one
 * object, the work done under it, and notes. Several on the same object merge into the strongest.
 */
import type { RangeVar } from 'libpg-query';
import { relationLabel } from '../postgresql/ast.js';
import type { LintContext } from '../types.js';
import { strongerEffect, type LockEffect, type LockFact } from './lock-entry.js';
import { blocksOf, strongerMode, type PostgresqlLockMode } from './postgresql-modes.js';

export interface PostgresqlLock {
  object: string;
  mode: PostgresqlLockMode | 'unknown';
  effect: LockEffect;
  notes: string[];
  /** The relation, when the object is one the statement names: a table the script created is said so. */
  relation?: RangeVar;
}

/**
 * A lock on a relation the statement names, labelled as written (`audit.events`).
 *
 * @example
 * lockOn({ relname: 'orders' }, 'SHARE', 'scans', 'builds the index') // { object: 'orders', mode: 'SHARE', effect: 'scans', notes: ['builds the index'], ... }
 */
export function lockOn(relation: RangeVar | undefined, mode: PostgresqlLock['mode'], effect: LockEffect = 'none', ...notes: string[]): PostgresqlLock[] {
  return relation?.relname ? [{ object: relationLabel(relation), mode, effect, notes, relation }] : [];
}

/** A lock on something other than a named relation: `each table in schema audit`, `table of index orders_idx`. */
export function lockOnObject(object: string, mode: PostgresqlLock['mode'], effect: LockEffect = 'none', ...notes: string[]): PostgresqlLock {
  return { object, mode, effect, notes };
}

/** The locks of one statement, one per object, in the order first named. */
export function mergedLocks(locks: readonly PostgresqlLock[]): PostgresqlLock[] {
  const byObject = new Map<string, PostgresqlLock>();
  for (const lock of locks) {
    const earlier = byObject.get(lock.object);
    byObject.set(lock.object, earlier ? merge(earlier, lock) : lock);
  }
  return [...byObject.values()];
}

function merge(a: PostgresqlLock, b: PostgresqlLock): PostgresqlLock {
  const mode = a.mode === 'unknown' || b.mode === 'unknown' ? 'unknown' : strongerMode(a.mode, b.mode);
  return { ...a, mode, effect: strongerEffect(a.effect, b.effect), notes: [...new Set([...a.notes, ...b.notes])] };
}

/** The lock as the report tells it; a table the script created earlier is said so, since it is new to other sessions. */
export function lockFact(lock: PostgresqlLock, context: LintContext): LockFact {
  const created = lock.relation?.relname !== undefined && context.createdTables.has(lock.relation.relname);
  const notes = created ? ['created earlier in this script', ...lock.notes] : lock.notes;
  return {
    object: lock.object,
    mode: lock.mode,
    blocks: lock.mode === 'unknown' ? 'unknown' : blocksOf(lock.mode),
    effect: lock.effect,
    ...(notes.length > 0 && { note: notes.join('; ') }),
  };
}
