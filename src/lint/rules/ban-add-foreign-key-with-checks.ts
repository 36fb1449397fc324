import { keywordChecks } from '../keywords/checks.js';
import { isExistingTableName, nameLabel } from '../keywords/shape.js';
import { onlinePlan, targetLabel, targetOf, type PlannedChange } from '../mysql/online-ddl.js';
import type { Rule, RuleReport } from '../types.js';

/**
 * With foreign_key_checks on, MySQL (and MariaDB before 11.2) can add a foreign key only by copying
 * the table, writes blocked; with it off the key is added in place, as metadata, and existing rows
 * are not checked (MySQL 8.0/8.4 Reference Manual, 17.12.1, Foreign Key Operations).
 */
export const banAddForeignKeyWithChecks: Rule = {
  id: 'ban-add-foreign-key-with-checks',
  severity: 'error',
  effect: 'locks',
  description: 'Adding a foreign key to an existing table while foreign_key_checks is on copies the table, blocking writes to it until done.',
  help: 'Delete or fix rows without a parent first, then add the key after SET foreign_key_checks = 0 (in place, no copy, existing rows unchecked) and SET foreign_key_checks = 1 after.',
  checks: {
    ...keywordChecks(['mysql'], (tokens, statement, context) => {
      const plan = onlinePlan(tokens, statement.sql, context);
      // An explicit ALGORITHM or LOCK makes the server do that or fail (see ban-alter-algorithm-copy).
      if (!plan || plan.algorithm !== undefined || plan.lock !== undefined || !isExistingTableName(plan.table, context)) return [];
      const target = targetLabel(targetOf(context));
      return plan.changes.filter(copiesWithLock).map((change) => report(change, nameLabel(plan.table), target));
    }),
  },
};

function copiesWithLock(change: PlannedChange): boolean {
  return change.kind === 'add-foreign-key' && change.online !== undefined && change.online.lock !== 'NONE';
}

function report(change: PlannedChange, table: string, target: string): RuleReport {
  const key = change.name ? `foreign key ${change.name}` : 'a foreign key';
  return {
    message: `Adding ${key} to ${table} with foreign_key_checks on copies the table on ${target} (ALGORITHM=COPY, LOCK=${change.online?.lock}), blocking writes to it until the copy is done.`,
    offset: change.offset,
  };
}
