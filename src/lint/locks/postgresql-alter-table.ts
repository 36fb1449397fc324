/**
 * The locks of `ALTER TABLE` (and of ALTER INDEX, VIEW, MATERIALIZED VIEW, SEQUENCE, which share
 * its parse tree), from the ALTER TABLE manual page: "an ACCESS EXCLUSIVE lock is acquired unless
 * explicitly noted"; the statement holds the strongest lock any of its sub-commands needs.
 */
import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node, RangeVar } from 'libpg-query';
import { columnConstraints, definedConstraint } from '../postgresql/ast.js';
import { banAddColumnVolatileDefault } from '../rules/ban-add-column-volatile-default.js';
import type { LintContext, LintStatement } from '../types.js';
import { lockOn, type PostgresqlLock } from './postgresql-lock.js';
import type { PostgresqlLockMode } from './postgresql-modes.js';
import type { LockEffect } from './lock-entry.js';

/** What one sub-command needs: a lock on the altered relation, and locks on others (a referenced table). */
interface CommandLock {
  mode: PostgresqlLockMode;
  effect?: LockEffect;
  notes?: string[];
  others?: PostgresqlLock[];
}

/** `table` is the altered relation's unqualified name, as the script facts hold names. */
type CommandModel = (command: AlterTableCmd, context: LintContext, table: string) => CommandLock;

const ACCESS_EXCLUSIVE: CommandLock = { mode: 'ACCESS EXCLUSIVE' };
const SHARE_UPDATE_EXCLUSIVE: CommandLock = { mode: 'SHARE UPDATE EXCLUSIVE' };
const SHARE_ROW_EXCLUSIVE: CommandLock = { mode: 'SHARE ROW EXCLUSIVE' };
const REWRITE: CommandLock = { mode: 'ACCESS EXCLUSIVE', effect: 'rewrites' };

/** Storage parameters the manual lets change under SHARE UPDATE EXCLUSIVE; any other takes ACCESS EXCLUSIVE. */
const LIGHT_STORAGE_PARAMETERS = /^(?:fillfactor|parallel_workers|toast_tuple_target|vacuum_index_cleanup|vacuum_truncate|log_autovacuum_min_duration|autovacuum_\w+)$/;

/** Sub-commands that take less than ACCESS EXCLUSIVE, or do table-wide work; the rest take ACCESS EXCLUSIVE and do none. */
const COMMANDS: Partial<Record<NonNullable<AlterTableCmd['subtype']>, CommandModel>> = {
  AT_AddColumn: (command) => addedColumn(command.def && 'ColumnDef' in command.def ? command.def.ColumnDef : undefined),
  AT_SetNotNull: (command, context, table) => setNotNull(command, context, table),
  AT_SetExpression: () => ({ ...REWRITE, notes: ['computes the generated column again for every row'] }),
  AT_SetStatistics: () => SHARE_UPDATE_EXCLUSIVE,
  AT_SetOptions: () => SHARE_UPDATE_EXCLUSIVE,
  AT_ResetOptions: () => SHARE_UPDATE_EXCLUSIVE,
  AT_AddConstraint: (command) => addedConstraint(definedConstraint(command.def)),
  AT_ValidateConstraint: () => ({ mode: 'SHARE UPDATE EXCLUSIVE', effect: 'scans', notes: ['a foreign key also takes ROW SHARE on the table it references'] }),
  AT_DropConstraint: () => ({ mode: 'ACCESS EXCLUSIVE', notes: ['a foreign key also takes ACCESS EXCLUSIVE on the table it references'] }),
  AT_AlterColumnType: () => ({
    mode: 'ACCESS EXCLUSIVE',
    effect: 'may rewrite',
    notes: ['rewrites the table and its indexes unless the old type converts without it (varchar(n) to a longer varchar or to text)'],
  }),
  AT_ClusterOn: () => SHARE_UPDATE_EXCLUSIVE,
  AT_DropCluster: () => SHARE_UPDATE_EXCLUSIVE,
  AT_SetLogged: () => REWRITE,
  AT_SetUnLogged: () => REWRITE,
  AT_SetAccessMethod: () => REWRITE,
  AT_SetTableSpace: () => ({ ...REWRITE, notes: ['copies every file of the relation to the tablespace'] }),
  AT_SetRelOptions: (command) => storageParameters(command.def),
  AT_ResetRelOptions: (command) => storageParameters(command.def),
  AT_EnableTrig: () => SHARE_ROW_EXCLUSIVE,
  AT_EnableAlwaysTrig: () => SHARE_ROW_EXCLUSIVE,
  AT_EnableReplicaTrig: () => SHARE_ROW_EXCLUSIVE,
  AT_DisableTrig: () => SHARE_ROW_EXCLUSIVE,
  AT_EnableTrigAll: () => SHARE_ROW_EXCLUSIVE,
  AT_DisableTrigAll: () => SHARE_ROW_EXCLUSIVE,
  AT_EnableTrigUser: () => SHARE_ROW_EXCLUSIVE,
  AT_DisableTrigUser: () => SHARE_ROW_EXCLUSIVE,
  AT_AddInherit: (command) => ({ ...ACCESS_EXCLUSIVE, others: lockOn(rangeVarOf(command.def), 'SHARE UPDATE EXCLUSIVE', 'none', 'the new parent') }),
  AT_AttachPartition: (command, context) => attachedPartition(command, context),
  AT_DetachPartition: (command, context) => detachedPartition(command, context),
  AT_DetachPartitionFinalize: (command) => ({ mode: 'SHARE UPDATE EXCLUSIVE', others: lockOn(partitionOf(command), 'ACCESS EXCLUSIVE', 'none', 'the partition') }),
};

/**
 * The locks of an ALTER statement: the strongest of its sub-commands' on the relation, with the
 * table-wide work of all of them, and the locks some take on other tables.
 */
export function alterTableLocks(statement: LintStatement, node: AlterTableStmt, context: LintContext): PostgresqlLock[] {
  const commands = (node.cmds ?? []).flatMap((item) => ('AlterTableCmd' in item ? [item.AlterTableCmd] : []));
  const table = node.relation?.relname ?? '';
  const locks = commands.map((command) => (command.subtype && COMMANDS[command.subtype]?.(command, context, table)) ?? ACCESS_EXCLUSIVE);
  const altered = locks.flatMap((lock) => lockOn(node.relation, lock.mode, lock.effect, ...(lock.notes ?? [])));
  return [...altered, ...columnDefaultRewrites(statement, node, context), ...locks.flatMap((lock) => lock.others ?? [])];
}

/**
 * A new column whose default differs per row (or, before PostgreSQL 11, any default) is written
 * into every row. The rule ban-add-column-volatile-default decides which; asked here so that the
 * report and the rule cannot disagree. It passes over tables the script created, so it is asked
 * as if the table were old: the report says both.
 */
function columnDefaultRewrites(statement: LintStatement, node: AlterTableStmt, context: LintContext): PostgresqlLock[] {
  const check = banAddColumnVolatileDefault.checks.postgresql;
  if (typeof check !== 'function' || check(statement, { ...context, createdTables: new Set() }).length === 0) return [];
  return lockOn(node.relation, 'ACCESS EXCLUSIVE', 'rewrites', "writes the new column's default into every row");
}

/** ADD COLUMN: a stored generated column is computed for every row; constraints on it are checked against every row. */
function addedColumn(column: ColumnDef | undefined): CommandLock {
  const constraints = column ? columnConstraints(column) : [];
  if (constraints.some((constraint) => constraint.contype === 'CONSTR_GENERATED' && constraint.generated_kind === 's')) {
    return { ...REWRITE, notes: ['computes the stored generated column for every row'] };
  }
  const hasDefault = constraints.some((constraint) => constraint.contype === 'CONSTR_DEFAULT');
  const others = constraints.flatMap((constraint) => (constraint.contype === 'CONSTR_FOREIGN' ? referencedTable(constraint) : []));
  // Every row holds the default (or NULL): NOT NULL without a default, a CHECK, a key or, with a
  // default, a foreign key has to be checked against each row.
  const checked = constraints.some((constraint) => checksRows(constraint, hasDefault));
  return { mode: 'ACCESS EXCLUSIVE', effect: checked ? 'scans' : 'none', others };
}

function checksRows(constraint: Constraint, hasDefault: boolean): boolean {
  switch (constraint.contype) {
    case 'CONSTR_NOTNULL':
      return !hasDefault;
    case 'CONSTR_CHECK':
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION':
      return true;
    case 'CONSTR_FOREIGN':
      return hasDefault;
    default:
      return false;
  }
}

/** SET NOT NULL reads every row, unless (from PostgreSQL 12) a valid CHECK (column IS NOT NULL) of this script proves it. */
function setNotNull(command: AlterTableCmd, context: LintContext, table: string): CommandLock {
  const proven = context.postgresqlVersion >= 12 && context.provenNotNull?.has(`${table}.${command.name ?? ''}`);
  return proven ? { mode: 'ACCESS EXCLUSIVE', notes: [`a valid CHECK (${command.name ?? ''} IS NOT NULL) proves it: no scan`] } : { mode: 'ACCESS EXCLUSIVE', effect: 'scans' };
}

/** ADD CONSTRAINT: a foreign key takes SHARE ROW EXCLUSIVE on both tables; validating reads every row unless NOT VALID. */
function addedConstraint(constraint: Constraint | undefined): CommandLock {
  if (!constraint) return ACCESS_EXCLUSIVE;
  const validated = !constraint.skip_validation;
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN':
      return { mode: 'SHARE ROW EXCLUSIVE', effect: validated ? 'scans' : 'none', others: referencedTable(constraint) };
    case 'CONSTR_CHECK':
    case 'CONSTR_NOTNULL':
      return { mode: 'ACCESS EXCLUSIVE', effect: validated ? 'scans' : 'none' };
    case 'CONSTR_PRIMARY':
      return { mode: 'ACCESS EXCLUSIVE', effect: 'scans', notes: [constraint.indexname ? 'sets NOT NULL on its columns, a scan unless they are already' : 'builds its index'] };
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION':
      return constraint.indexname ? ACCESS_EXCLUSIVE : { mode: 'ACCESS EXCLUSIVE', effect: 'scans', notes: ['builds its index'] };
    default:
      return ACCESS_EXCLUSIVE;
  }
}

function referencedTable(constraint: Constraint): PostgresqlLock[] {
  return lockOn(constraint.pktable, 'SHARE ROW EXCLUSIVE', 'none', 'referenced by the new foreign key');
}

/** SET (...) / RESET (...): SHARE UPDATE EXCLUSIVE when every parameter allows it. */
function storageParameters(def: Node | undefined): CommandLock {
  const parameters = def && 'List' in def ? (def.List.items ?? []) : [];
  const light = parameters.every((item) => 'DefElem' in item && (item.DefElem.defnamespace === 'toast' || LIGHT_STORAGE_PARAMETERS.test(item.DefElem.defname ?? '')));
  return light ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
}

/**
 * ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the partitioned table from PostgreSQL 12 (ACCESS
 * EXCLUSIVE before), ACCESS EXCLUSIVE on the partition, whose rows are checked against the bound.
 */
function attachedPartition(command: AlterTableCmd, context: LintContext): CommandLock {
  const partition = lockOn(partitionOf(command), 'ACCESS EXCLUSIVE', 'scans', 'the partition: its rows are checked against the bound unless a valid CHECK constraint implies it');
  const parentMode = context.postgresqlVersion >= 12 ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
  return { mode: parentMode, notes: ['a default partition is locked ACCESS EXCLUSIVE and scanned too'], others: partition };
}

/**
 * DETACH PARTITION: ACCESS EXCLUSIVE on both tables; CONCURRENTLY (PostgreSQL 14+) only SHARE
 * UPDATE EXCLUSIVE on the partitioned table, in two transactions.
 */
function detachedPartition(command: AlterTableCmd, context: LintContext): CommandLock {
  const concurrent = command.def && 'PartitionCmd' in command.def && command.def.PartitionCmd.concurrent;
  if (!concurrent) return { ...ACCESS_EXCLUSIVE, others: lockOn(partitionOf(command), 'ACCESS EXCLUSIVE', 'none', 'the partition') };
  const notes = ['two transactions, outside any transaction block; the first waits for every transaction using the table'];
  if (context.postgresqlVersion < 14) notes.unshift(`CONCURRENTLY needs PostgreSQL 14: a syntax error on ${context.postgresqlVersion}`);
  return { mode: 'SHARE UPDATE EXCLUSIVE', notes, others: lockOn(partitionOf(command), 'ACCESS EXCLUSIVE', 'none', 'the partition, in the second transaction') };
}

function partitionOf(command: AlterTableCmd): RangeVar | undefined {
  return command.def && 'PartitionCmd' in command.def ? command.def.PartitionCmd.name : undefined;
}

function rangeVarOf(node: Node | undefined): RangeVar | undefined {
  return node && 'RangeVar' in node ? node.RangeVar : undefined;
}
