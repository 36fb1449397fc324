import type { AlterTableCmd } from 'libpg-query';
import { offsetOf, relationLabel, reportSubcommands } from '../postgresql/ast.js';
import type { LintContext, LintStatement, Rule, RuleReport } from '../types.js';

/** The first major version with DETACH PARTITION ... CONCURRENTLY. */
const CONCURRENT_DETACH_SINCE = 14;

/**
 * A plain DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table (and the
 * partition), so every query on any partition waits. Before PostgreSQL 14 there is no concurrent
 * form: the lock is still reported, with what can be done instead.
 */
export const requireConcurrentPartitionDetach: Rule = {
  id: 'require-concurrent-partition-detach',
  severity: 'warning',
  effect: 'locks',
  description: 'ALTER TABLE ... DETACH PARTITION without CONCURRENTLY blocks all reads and writes of the partitioned table.',
  help: 'Use DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+), outside any transaction block.',
  checks: {
    postgresql: (statement, context) => reportSubcommands(statement, context, 'AT_DetachPartition', (command, table) => detachReport(command, table, statement, context)),
  },
};

function detachReport(command: AlterTableCmd, table: string, statement: LintStatement, context: LintContext): RuleReport | undefined {
  const detach = command.def && 'PartitionCmd' in command.def ? command.def.PartitionCmd : undefined;
  if (!detach || detach.concurrent) return undefined;
  const partition = relationLabel(detach.name);
  const offset = offsetOf(statement, detach.name?.location);
  const locks = `DETACH PARTITION ${partition} takes an ACCESS EXCLUSIVE lock on ${table}: no query reads or writes it (or a partition through it) until the transaction ends, and every query on it queues behind the DETACH while it waits for that lock`;
  if (context.postgresqlVersion >= CONCURRENT_DETACH_SINCE) return { message: `${locks}.`, offset };
  return {
    message: `${locks}. PostgreSQL ${context.postgresqlVersion} has no DETACH ... CONCURRENTLY (14 and later do): run it with a short lock_timeout at a quiet time.`,
    offset,
  };
}
