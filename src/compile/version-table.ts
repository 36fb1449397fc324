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
const VERSION_COLUMN = 'version_num';
const VERSION_LENGTH = 40;

/** Statements that keep the version table, so that running a script stamps the database. */
export class VersionTableSql {
  private readonly knex: Knex;

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
    const [entry] = builder.toSQL() as unknown as Array<{ sql: string; bindings: unknown[] }>;
    return this.statement('create version table', 'schema', entry!);
  }

  change(change: VersionChange): Statement {
    const rows = () => this.scoped(this.knex.queryBuilder()).table(this.table.name);
    switch (change.kind) {
      case 'insert':
        return this.statement(`stamp ${change.id}`, 'data', this.query(rows().insert({ [VERSION_COLUMN]: change.id })));
      case 'update':
        return this.statement(`stamp ${change.to}`, 'data', this.query(rows().where(VERSION_COLUMN, change.from).update({ [VERSION_COLUMN]: change.to })));
      case 'delete':
        return this.statement(`unstamp ${change.id}`, 'data', this.query(rows().where(VERSION_COLUMN, change.id).delete()));
    }
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
