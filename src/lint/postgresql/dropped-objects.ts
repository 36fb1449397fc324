/**
 * The constraints and indexes a PostgreSQL script drops and has not created again since. Outside
 * a transaction, `DROP ... IF EXISTS` then `ADD`/`CREATE` of the same name is the way to make an
 * ADD CONSTRAINT (which has no IF NOT EXISTS) or a CREATE INDEX CONCURRENTLY re-runnable.
 */
import type { Node } from 'libpg-query';
import { definedConstraint, droppedIndexes } from './ast.js';

/** Follows drops and re-creations through a script; names are unqualified, as the other script facts are. */
export class DroppedObjects {
  /** `table.constraint`. */
  readonly constraints = new Set<string>();
  readonly indexes = new Set<string>();

  observe(node: Node): void {
    for (const index of droppedIndexes(node)) if (index.relname) this.indexes.add(index.relname);
    if ('IndexStmt' in node && node.IndexStmt.idxname) this.indexes.delete(node.IndexStmt.idxname);
    if ('AlterTableStmt' in node) this.observeAlterTable(node.AlterTableStmt.relation?.relname, node.AlterTableStmt.cmds ?? []);
  }

  private observeAlterTable(table: string | undefined, commands: readonly Node[]): void {
    if (!table) return;
    for (const item of commands) {
      const command = 'AlterTableCmd' in item ? item.AlterTableCmd : undefined;
      if (command?.subtype === 'AT_DropConstraint' && command.name) this.constraints.add(`${table}.${command.name}`);
      const added = command?.subtype === 'AT_AddConstraint' ? definedConstraint(command.def)?.conname : undefined;
      if (added) this.constraints.delete(`${table}.${added}`);
    }
  }
}
