import type { Knex } from 'knex';
import type { Dialect } from '../dialects/dialect.js';
import type { Statement } from './statement.js';
import { compileQuery, offlineKnex } from './offline-knex.js';
import type { VersionChange } from './version-rows.js';

export interface VersionTable {
  name: string;
  schema?: string;
}

/** The column that holds revision ids, sized for the longest id sqlgen accepts. */
export const VERSION_COLUMN = 'version_num';
const VERSION_LENGTH = 40;
/** Where the ids go in a statement built once per kind; revision ids are [0-9a-z] only, never these. */
const ID = '<id>';
const FROM = '<from>';
const TO = '<to>';

/** Statements that keep the version table, so that running a script stamps the database. */
export class VersionTableSql {
  private readonly knex: Knex;
  private readonly templates = new Map<VersionChange['kind'], { sql: string; bindings: readonly unknown[] }>();

  constructor(
    private readonly dialect: Dialect,
    private readonly table: VersionTable,
  ) {
    this.knex = offlineKnex(dialect);
  }

  create(): Statement {
    const builder = this.scoped(this.knex.schema).createTable(this.table.name, (table) => {
      table.string(VERSION_COLUMN, VERSION_LENGTH).notNullable();
      // The string form: knex 3.3 renders `{ constraintName }` as `AS constraintName` on MySQL and SQLite.
      table.primary([VERSION_COLUMN], `${this.table.name}_pkc`);
    });
    return this.schemaStatement('create version table', builder);
  }

  /** Dropped when a script leaves no row, as Alembic does on reaching base. */
  drop(): Statement {
    return this.schemaStatement('drop version table', this.scoped(this.knex.schema).dropTable(this.table.name));
  }

  change(change: VersionChange): Statement {
    const { sql, bindings } = this.template(change.kind);
    const ids: Record<string, string> = change.kind === 'update' ? { [FROM]: change.from, [TO]: change.to } : { [ID]: change.id };
    const operation = change.kind === 'delete' ? `unstamp ${change.id}` : `stamp ${change.kind === 'update' ? change.to : change.id}`;
    return this.statement(operation, 'data', { sql, bindings: bindings.map((marker) => ids[marker as string]) });
  }

  /**
   * knex's statement for a kind of change, with markers where the ids go. Built once per kind:
   * only the ids differ, and a script has one change per revision (measured: building each one
   * with knex, still cold, took 40-90 ms of 1,000 revisions).
   */
  private template(kind: VersionChange['kind']): { sql: string; bindings: readonly unknown[] } {
    let template = this.templates.get(kind);
    if (!template) {
      template = this.query(this.builder(kind));
      this.templates.set(kind, template);
    }
    return template;
  }

  private builder(kind: VersionChange['kind']): Knex.QueryBuilder {
    const rows = this.scoped(this.knex.queryBuilder()).table(this.table.name);
    switch (kind) {
      case 'insert':
        return rows.insert({ [VERSION_COLUMN]: ID });
      case 'update':
        return rows.where(VERSION_COLUMN, FROM).update({ [VERSION_COLUMN]: TO });
      case 'delete':
        return rows.where(VERSION_COLUMN, ID).delete();
    }
  }

  private schemaStatement(operation: string, builder: Knex.SchemaBuilder): Statement {
    const [entry] = builder.toSQL() as unknown as Array<{ sql: string; bindings: unknown[] }>;
    return this.statement(operation, 'schema', entry!);
  }

  private query(builder: Knex.QueryBuilder): { sql: string; bindings: readonly unknown[] } {
    return compileQuery(builder, this.dialect);
  }

  private scoped<T extends Knex.SchemaBuilder | Knex.QueryBuilder>(builder: T): T {
    return (this.table.schema ? builder.withSchema(this.table.schema) : builder) as T;
  }

  private statement(operation: string, kind: Statement['kind'], entry: { sql: string; bindings: readonly unknown[] }): Statement {
    return { sql: entry.sql, literals: entry.bindings.map(this.dialect.renderLiteral), origin: 'knex', kind, transactional: true, operation };
  }
}
