import type { CreateSubscriptionStmt, Node } from 'libpg-query';
import { keywordChecks } from '../keywords/checks.js';
import { isWord, readName, wordsAt } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import { enabledOption, postgresqlAst } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/**
 * Some statements cannot run in a transaction block: the server rejects them, and the rest of the
 * transaction with them. CREATE INDEX CONCURRENTLY is ban-concurrent-index-creation-in-transaction's.
 */
export const banNonTransactionalStatementInTransaction: Rule = {
  id: 'ban-non-transactional-statement-in-transaction',
  severity: 'error',
  effect: 'fails',
  description: 'A statement the server refuses, or ignores, inside BEGIN ... COMMIT makes the migration fail or do less than it says.',
  help: 'Run the statement outside BEGIN ... COMMIT (in a revision: op.outsideTransaction).',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      const refused = node && statement.inTransaction ? postgresqlRefused(node) : undefined;
      return refused ? [refusedReport(refused, 'PostgreSQL')] : [];
    },
    ...keywordChecks(['sqlite', 'mssql'], (tokens, statement, _context, dialect) => {
      if (!statement.inTransaction) return [];
      if (dialect === 'sqlite') return sqliteReports(tokens, statement.sql);
      const refused = MSSQL_REFUSED.find((words) => wordsAt(tokens, 0, ...words)) ?? fullTextProcedure(tokens, statement.sql);
      return refused ? [refusedReport(refused.join(' '), 'SQL Server')] : [];
    }),
  },
};

function refusedReport(what: string, server: string): RuleReport {
  return { message: `${what} cannot run inside a transaction block: ${server} rejects it, and the migration stops there.` };
}

type NodeKind = Node extends infer N ? (N extends unknown ? keyof N : never) : never;
type NodeBody<K extends NodeKind> = Extract<Node, Record<K, unknown>>[K];

/** PostgreSQL statements that call PreventInTransactionBlock, by parse-tree node, with what to call them. */
const POSTGRESQL_REFUSED: { [K in NodeKind]?: (body: NodeBody<K>) => string | undefined } = {
  VacuumStmt: (vacuum) => (vacuum.is_vacuumcmd ? 'VACUUM' : undefined),
  CreatedbStmt: () => 'CREATE DATABASE',
  DropdbStmt: () => 'DROP DATABASE',
  CreateTableSpaceStmt: () => 'CREATE TABLESPACE',
  DropTableSpaceStmt: () => 'DROP TABLESPACE',
  AlterSystemStmt: () => 'ALTER SYSTEM',
  AlterDatabaseStmt: (alter) => (alter.options?.some((option) => 'DefElem' in option && option.DefElem.defname === 'tablespace') ? 'ALTER DATABASE ... SET TABLESPACE' : undefined),
  ReindexStmt: (reindex) => {
    if (enabledOption(reindex.params, 'concurrently')) return 'REINDEX ... CONCURRENTLY';
    const scope = reindex.kind?.replace('REINDEX_OBJECT_', '');
    return scope === 'SCHEMA' || scope === 'DATABASE' || scope === 'SYSTEM' ? `REINDEX ${scope}` : undefined;
  },
  DropStmt: (drop) => (drop.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined),
  AlterTableStmt: (alter) =>
    alter.cmds?.some((command) => 'AlterTableCmd' in command && command.AlterTableCmd.def && 'PartitionCmd' in command.AlterTableCmd.def && command.AlterTableCmd.def.PartitionCmd.concurrent)
      ? 'DETACH PARTITION ... CONCURRENTLY'
      : undefined,
  ClusterStmt: (cluster) => (cluster.relation ? undefined : 'CLUSTER without a table'),
  DiscardStmt: (discard) => (discard.target === 'DISCARD_ALL' ? 'DISCARD ALL' : undefined),
  CreateSubscriptionStmt: (subscription) => (createsReplicationSlot(subscription) ? 'CREATE SUBSCRIPTION (creating a replication slot, the default)' : undefined),
  DropSubscriptionStmt: () => 'DROP SUBSCRIPTION (of a subscription with a replication slot, the default)',
};

function postgresqlRefused(node: Node): string | undefined {
  const kind = Object.keys(node)[0] as NodeKind;
  const refused = POSTGRESQL_REFUSED[kind] as ((body: unknown) => string | undefined) | undefined;
  return refused?.((node as Record<NodeKind, unknown>)[kind]);
}

/** `create_slot` defaults to true; `connect = false` implies it is false. */
function createsReplicationSlot(subscription: CreateSubscriptionStmt): boolean {
  const isOff = (name: string): boolean =>
    (subscription.options ?? []).some((option) => 'DefElem' in option && option.DefElem.defname === name) && !enabledOption(subscription.options, name);
  return !isOff('create_slot') && !isOff('connect');
}

/** The statements SQL Server does not allow in an explicit transaction. */
const MSSQL_REFUSED: readonly (readonly string[])[] = [
  ['CREATE', 'DATABASE'],
  ['ALTER', 'DATABASE'],
  ['DROP', 'DATABASE'],
  ['BACKUP'],
  ['RESTORE'],
  ['RECONFIGURE'],
  ...['CREATE', 'ALTER', 'DROP'].flatMap((verb) => [
    [verb, 'FULLTEXT', 'INDEX'],
    [verb, 'FULLTEXT', 'CATALOG'],
  ]),
];

/** `EXEC sp_fulltext_*`: full-text system procedures are not allowed in an explicit transaction either. */
function fullTextProcedure(tokens: readonly Token[], sql: string): readonly string[] | undefined {
  if (!isWord(tokens[0], 'EXEC') && !isWord(tokens[0], 'EXECUTE')) return undefined;
  const procedure = readName(tokens, 1, sql)?.parts.at(-1);
  return procedure?.toLowerCase().startsWith('sp_fulltext_') ? ['EXEC', procedure] : undefined;
}

/** SQLite rejects VACUUM; a journal_mode change is rejected (to or from WAL) or ignored; foreign_keys is ignored. */
function sqliteReports(tokens: readonly Token[], sql: string): RuleReport[] {
  if (isWord(tokens[0], 'VACUUM')) return [refusedReport('VACUUM', 'SQLite')];
  const pragma = isWord(tokens[0], 'PRAGMA') ? readName(tokens, 1, sql) : undefined;
  const setting = pragma && (tokens[pragma.next]?.text === '=' || tokens[pragma.next]?.text === '(') ? pragma.parts.at(-1)?.toLowerCase() : undefined;
  if (setting === 'journal_mode') {
    return [{ message: 'PRAGMA journal_mode cannot change inside a transaction block: SQLite rejects a change to or from WAL and ignores the others.' }];
  }
  if (setting === 'foreign_keys') {
    return [{ message: 'PRAGMA foreign_keys has no effect inside a transaction block: SQLite ignores it without an error, so foreign keys stay as they were.' }];
  }
  return [];
}
