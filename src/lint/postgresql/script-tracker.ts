/**
 * What a PostgreSQL script has done so far, as far as rules care: the tables it created and
 * whether a lock_timeout is in force. The engine shows it each statement after the rules ran.
 */
import type { Node, VariableSetStmt } from 'libpg-query';
import type { SplitStatement } from '../split-statements.js';
import type { LintContext } from '../types.js';
import { postgresqlAst } from './ast.js';

/** Follows a script statement by statement; see {@link LintContext}. */
export interface ScriptTracker {
  readonly context: LintContext;
  observe(statement: SplitStatement): void;
}

/** A tracker for dialects whose statements are not parsed: it learns nothing. */
export function emptyTracker(): ScriptTracker {
  return { context: { createdTables: new Set(), lockTimeout: false }, observe: () => undefined };
}

/** Tracks created tables and `SET [LOCAL] lock_timeout` through a PostgreSQL script. */
export class PostgresqlScriptTracker implements ScriptTracker {
  private readonly createdTables = new Set<string>();
  private sessionLockTimeout = false;
  /** `SET LOCAL` lasts until the end of the transaction. */
  private transactionLockTimeout = false;

  get context(): LintContext {
    return { createdTables: this.createdTables, lockTimeout: this.sessionLockTimeout || this.transactionLockTimeout };
  }

  observe(statement: SplitStatement): void {
    if (statement.transactionControl) this.transactionLockTimeout = false;
    const node = postgresqlAst(statement);
    if (!node) return;
    const created = createdTable(node);
    if (created) this.createdTables.add(created);
    if ('VariableSetStmt' in node) this.observeSetting(node.VariableSetStmt, statement.inTransaction);
  }

  private observeSetting(setting: VariableSetStmt, inTransaction: boolean): void {
    if (setting.kind === 'VAR_RESET_ALL') {
      this.sessionLockTimeout = false;
      this.transactionLockTimeout = false;
    } else if (setting.name === 'lock_timeout') {
      const enabled = setting.kind === 'VAR_SET_VALUE' && !isZero(setting.args?.[0]);
      // SET LOCAL outside a transaction block has no effect (PostgreSQL only warns).
      if (!setting.is_local) this.sessionLockTimeout = enabled;
      else if (inTransaction) this.transactionLockTimeout = enabled;
    }
  }
}

/** The table a `CREATE TABLE` or `CREATE TABLE ... AS` makes. */
function createdTable(node: Node): string | undefined {
  if ('CreateStmt' in node) return node.CreateStmt.relation?.relname;
  if ('CreateTableAsStmt' in node && node.CreateTableAsStmt.objtype === 'OBJECT_TABLE') return node.CreateTableAsStmt.into?.rel?.relname;
  return undefined;
}

/** `0`, `'0'`, `'0ms'`: a timeout of zero turns the timeout off. The tree leaves a 0 out. */
function isZero(value: Node | undefined): boolean {
  if (!value || !('A_Const' in value)) return false;
  const constant = value.A_Const;
  if (constant.ival) return (constant.ival.ival ?? 0) === 0;
  return /^\s*0+(?:\.0*)?\s*[a-z]*\s*$/i.test(constant.sval?.sval ?? '');
}
