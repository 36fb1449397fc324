import knexFactory, { type Knex } from 'knex';
import type { Dialect } from '../dialects/dialect.js';
import type { DialectId } from '../dialects/dialect-id.js';

const instances = new Map<DialectId, Knex>();

/**
 * A knex instance for `dialect` with a client and no connection: knex then never loads a
 * driver, and nothing it builds can reach a database.
 *
 * knex inlines some values into DDL itself (column defaults, check constraints) through its
 * client's `_escapeBinding`; that is pointed at sqlgen's literal renderer, so those values get
 * the same dialect-correct escaping as every binding (knex's own MySQL escaping uses
 * backslashes, which `NO_BACKSLASH_ESCAPES` turns into an injection).
 */
export function offlineKnex(dialect: Dialect): Knex {
  let knex = instances.get(dialect.id);
  if (!knex) {
    knex = knexFactory({ client: dialect.knexClient, useNullAsDefault: true });
    (knex.client as { _escapeBinding: (value: unknown) => string })._escapeBinding = (value) => dialect.renderLiteral(value);
    instances.set(dialect.id, knex);
  }
  return knex;
}

/**
 * A data statement (insert, update, delete) as SQL with `?` placeholders and its bindings,
 * without the result query knex appends for SQL Server (`;select @@rowcount`): a script has
 * no use for it.
 */
export function compileQuery(builder: Knex.QueryBuilder, dialect: Dialect): { sql: string; bindings: readonly unknown[] } {
  const { sql, bindings } = builder.toSQL();
  const suffix = dialect.knexResultSuffix;
  return { sql: suffix && sql.endsWith(suffix) ? sql.slice(0, -suffix.length) : sql, bindings };
}
