/**
 * PostgreSQL's table-level lock modes and which of them conflict, from the manual's "Explicit
 * Locking" chapter (table "Conflicting Lock Modes"). What a lock blocks is read from the table,
 * not written down per mode.
 */
import type { LockBlocks } from './lock-entry.js';

/** The modes, weakest first; the order is the one `LOCK TABLE ... IN mode MODE` numbers them by (1-8). */
export const POSTGRESQL_LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type PostgresqlLockMode = (typeof POSTGRESQL_LOCK_MODES)[number];

/** The modes each mode conflicts with. */
const CONFLICTS: Record<PostgresqlLockMode, readonly PostgresqlLockMode[]> = {
  'ACCESS SHARE': ['ACCESS EXCLUSIVE'],
  'ROW SHARE': ['EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ROW EXCLUSIVE': ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE UPDATE EXCLUSIVE': ['SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  SHARE: ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE ROW EXCLUSIVE': ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  EXCLUSIVE: ['ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ACCESS EXCLUSIVE': POSTGRESQL_LOCK_MODES,
};

/** Whether two sessions can hold `a` and `b` on the same table at once. */
export function conflicts(a: PostgresqlLockMode, b: PostgresqlLockMode): boolean {
  return CONFLICTS[a].includes(b);
}

/**
 * What a lock keeps other sessions from doing: a SELECT takes ACCESS SHARE and INSERT, UPDATE
 * and DELETE take ROW EXCLUSIVE, so a mode blocks reads or writes when it conflicts with those.
 *
 * @example
 * blocksOf('SHARE') // 'writes'
 * blocksOf('SHARE UPDATE EXCLUSIVE') // 'nothing' (it waits for VACUUM and other DDL, not for DML)
 */
export function blocksOf(mode: PostgresqlLockMode): LockBlocks {
  if (conflicts(mode, 'ACCESS SHARE')) return 'reads and writes';
  return conflicts(mode, 'ROW EXCLUSIVE') ? 'writes' : 'nothing';
}

/** The stronger of two modes, in the manual's order. */
export function strongerMode(a: PostgresqlLockMode, b: PostgresqlLockMode): PostgresqlLockMode {
  return POSTGRESQL_LOCK_MODES.indexOf(a) >= POSTGRESQL_LOCK_MODES.indexOf(b) ? a : b;
}
