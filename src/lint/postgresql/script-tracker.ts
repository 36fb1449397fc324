/**
 * What a PostgreSQL script has done so far, as far as rules care: the tables it created and
 * their indexes, and which timeouts are in force. The engine shows it each statement after the rules ran.
 */
import type { Node, VariableSetStmt } from 'libpg-query';
import type { LintStatement, ScriptFacts } from '../types.js';
import { definedConstraint, postgresqlAst } from './ast.js';
import { DroppedObjects } from './dropped-objects.js';
import { NotNullChecks } from './not-null-checks.js';

/** Follows a script statement by statement; see {@link ScriptFacts}. */
export interface ScriptTracker {
  readonly context: ScriptFacts;
  observe(statement: LintStatement): void;
}

/** The timeout settings the context reports on. */
type Timeout = 'lock_timeout' | 'statement_timeout';

const TIMEOUTS: ReadonlySet<string> = new Set<Timeout>(['lock_timeout', 'statement_timeout']);

/** Tracks created tables (and their indexes) and `SET [LOCAL]` of the timeouts through a PostgreSQL script. */
export class PostgresqlScriptTracker implements ScriptTracker {
  private readonly createdTables = new Set<string>();
  private readonly createdIndexes = new Set<string>();
  private readonly notNullChecks = new NotNullChecks();
  private readonly dropped = new DroppedObjects();
  /** `table.constraint` added NOT VALID in the open transaction. */
  private readonly notValidInTransaction = new Set<string>();
  private readonly sessionTimeouts = new Set<string>();
  /** `SET LOCAL` lasts until the end of the transaction. */
  private readonly transactionTimeouts = new Set<string>();

  get context(): ScriptFacts {
    return {
      createdTables: this.createdTables,
      createdIndexes: this.createdIndexes,
      lockTimeout: this.inForce('lock_timeout'),
      statementTimeout: this.inForce('statement_timeout'),
      provenNotNull: this.notNullChecks.proven,
      notValidInTransaction: this.notValidInTransaction,
      droppedConstraints: this.dropped.constraints,
      droppedIndexes: this.dropped.indexes,
    };
  }

  observe(statement: LintStatement): void {
    // A statement outside BEGIN ... COMMIT is a transaction of its own: a DO block's SET LOCAL ends with it.
    if (statement.transactionControl || !statement.inTransaction) {
      this.transactionTimeouts.clear();
      this.notValidInTransaction.clear();
    }
    const node = postgresqlAst(statement);
    if (!node) return;
    const table = createdTable(node);
    if (table) this.createdTables.add(table);
    const index = indexOfCreatedTable(node, this.createdTables);
    if (index) this.createdIndexes.add(index);
    this.notNullChecks.observe(node);
    this.dropped.observe(node);
    if (statement.inTransaction) for (const added of constraintsAddedNotValid(node)) this.notValidInTransaction.add(added);
    if ('VariableSetStmt' in node) this.observeSetting(node.VariableSetStmt, statement.inTransaction);
  }

  private inForce(timeout: Timeout): boolean {
    return this.sessionTimeouts.has(timeout) || this.transactionTimeouts.has(timeout);
  }

  private observeSetting(setting: VariableSetStmt, inTransaction: boolean): void {
    if (setting.kind === 'VAR_RESET_ALL') {
      this.sessionTimeouts.clear();
      this.transactionTimeouts.clear();
      return;
    }
    if (!setting.name || !TIMEOUTS.has(setting.name)) return;
    // SET LOCAL outside a transaction block has no effect (PostgreSQL only warns).
    const timeouts = !setting.is_local ? this.sessionTimeouts : inTransaction ? this.transactionTimeouts : undefined;
    const enabled = setting.kind === 'VAR_SET_VALUE' && !isZero(setting.args?.[0]);
    if (enabled) timeouts?.add(setting.name);
    else timeouts?.delete(setting.name);
  }
}

/** The table a `CREATE TABLE` or `CREATE TABLE ... AS` makes. */
function createdTable(node: Node): string | undefined {
  if ('CreateStmt' in node) return node.CreateStmt.relation?.relname;
  if ('CreateTableAsStmt' in node && node.CreateTableAsStmt.objtype === 'OBJECT_TABLE') return node.CreateTableAsStmt.into?.rel?.relname;
  return undefined;
}

/**
 * The index a `CREATE INDEX` makes, when its table was created earlier in the script. An index of
 * an existing table is new, but dropping or rebuilding it locks that table all the same.
 */
function indexOfCreatedTable(node: Node, createdTables: ReadonlySet<string>): string | undefined {
  if (!('IndexStmt' in node)) return undefined;
  const { idxname, relation } = node.IndexStmt;
  return relation?.relname !== undefined && createdTables.has(relation.relname) ? idxname : undefined;
}

/** `0`, `'0'`, `'0ms'`: a timeout of zero turns the timeout off. The tree leaves a 0 out. */
function isZero(value: Node | undefined): boolean {
  if (!value || !('A_Const' in value)) return false;
  const constant = value.A_Const;
  if (constant.ival) return (constant.ival.ival ?? 0) === 0;
  return /^\s*0+(?:\.0*)?\s*[a-z]*\s*$/i.test(constant.sval?.sval ?? '');
}

/** `table.constraint` for each constraint an ALTER TABLE adds NOT VALID. */
function constraintsAddedNotValid(node: Node): string[] {
  if (!('AlterTableStmt' in node)) return [];
  const table = node.AlterTableStmt.relation?.relname;
  return (node.AlterTableStmt.cmds ?? []).flatMap((item) => {
    const constraint = 'AlterTableCmd' in item && item.AlterTableCmd.subtype === 'AT_AddConstraint' ? definedConstraint(item.AlterTableCmd.def) : undefined;
    return table && constraint?.skip_validation && constraint.conname ? [`${table}.${constraint.conname}`] : [];
  });
}
