import { lockedTable } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/**
 * A DDL lock that has to wait for a long query makes every later query on the table wait behind
 * it: without lock_timeout, a migration stuck on a lock takes the table down with it.
 */
export const requireLockTimeout: Rule = {
  id: 'require-lock-timeout',
  severity: 'warning',
  effect: 'locks',
  description: 'DDL that locks an existing table runs with no lock_timeout set earlier in the script.',
  help: "Run SET lock_timeout = '5s' (or SET LOCAL inside the transaction) before it, and retry the migration if it times out.",
  checks: {
    postgresql(statement, context) {
      const table = context.lockTimeout ? undefined : lockedTable(statement, context);
      if (table === undefined) return [];
      return [{ message: `This statement locks ${table} with no lock_timeout: while it waits for the lock, every query on the table queues behind it.` }];
    },
  },
};
