import type { Knex } from 'knex';
import type { Dialect } from '../dialects/dialect.js';
import type { DialectId } from '../dialects/dialect-id.js';

/**
 * Table alterations for which knex would ask a live database (`show full fields`,
 * `PRAGMA table_info`) although the dialect has a plain statement that needs nothing:
 * MySQL 8 / MariaDB 10.5+ `RENAME COLUMN`, SQLite 3.35+ `DROP COLUMN`. They are taken out of
 * the builder before knex compiles it, and rendered here instead.
 */
const NATIVE: Partial<Record<DialectId, Record<string, (table: string, args: string[], quote: (name: string) => string) => string[]>>> = {
  mysql: {
    renameColumn: (table, [from = '', to = ''], quote) => [`ALTER TABLE ${quote(table)} RENAME COLUMN ${quote(from)} TO ${quote(to)}`],
  },
  sqlite: {
    dropColumn: (table, columns, quote) => columns.map((column) => `ALTER TABLE ${quote(table)} DROP COLUMN ${quote(column)}`),
  },
};

interface AlterStatement {
  grouping: string;
  method?: string;
  args?: unknown[];
}

/** Removes the alterations this dialect renders natively from `builder` and returns their SQL, in order. */
export function takeNativeAlterations(builder: Knex.TableBuilder, table: string, dialect: Dialect): string[] {
  const handlers = NATIVE[dialect.id];
  if (!handlers) return [];
  const statements = (builder as unknown as { _statements: AlterStatement[] })._statements;
  const sql: string[] = [];
  const kept = statements.filter((statement) => {
    const render = statement.grouping === 'alterTable' && statement.method ? handlers[statement.method] : undefined;
    if (render) sql.push(...render(table, (statement.args ?? []).map(String), dialect.quoteIdentifier));
    return !render;
  });
  statements.splice(0, statements.length, ...kept);
  return sql;
}
