import type { Knex } from 'knex';
import type { Dialect } from '../dialects/dialect.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { dropColumns, type RebuildPlan } from './sqlite-alterations.js';

/**
 * An alteration rendered by sqlgen instead of knex: its statements and, on SQLite, the table
 * rebuild to use where SQLite refuses them in place.
 */
export interface NativeAlteration {
  sql: string[];
  rebuild?: RebuildPlan;
}

type NativeRenderer = (table: string, args: string[], quote: (name: string) => string) => NativeAlteration;

/**
 * Table alterations for which knex would ask a live database (`show full fields`,
 * `PRAGMA table_info`) although the dialect has a plain statement that needs nothing:
 * MySQL 8 / MariaDB 10.5+ `RENAME COLUMN`, SQLite 3.35+ `DROP COLUMN` (rebuilt where SQLite
 * refuses it: an indexed, key or unique column). They are taken out of the builder before knex
 * compiles it, and rendered here instead.
 */
const NATIVE: Partial<Record<DialectId, Record<string, NativeRenderer>>> = {
  mysql: {
    renameColumn: (table, [from = '', to = ''], quote) => ({ sql: [`ALTER TABLE ${table} RENAME COLUMN ${quote(from)} TO ${quote(to)}`] }),
  },
  sqlite: {
    dropColumn: (table, columns, quote) => ({ sql: columns.map((column) => `ALTER TABLE ${table} DROP COLUMN ${quote(column)}`), rebuild: dropColumns(columns) }),
  },
};

interface AlterStatement {
  grouping: string;
  method?: string;
  args?: unknown[];
}

/**
 * Removes the alterations this dialect renders natively from `builder` and returns them, in
 * order. `table` is the table's name as written (`schema.table` quoted part by part).
 */
export function takeNativeAlterations(builder: Knex.TableBuilder, table: string, dialect: Dialect): NativeAlteration[] {
  const handlers = NATIVE[dialect.id];
  if (!handlers) return [];
  const quotedTable = table.split('.').map(dialect.quoteIdentifier).join('.');
  const statements = (builder as unknown as { _statements: AlterStatement[] })._statements;
  const taken: NativeAlteration[] = [];
  const kept = statements.filter((statement) => {
    const render = statement.grouping === 'alterTable' && statement.method ? handlers[statement.method] : undefined;
    // knex takes names as arguments or as one array: dropColumn('a', 'b'), dropColumn(['a', 'b']).
    if (render) taken.push(render(quotedTable, (statement.args ?? []).flat().map(String), dialect.quoteIdentifier));
    return !render;
  });
  statements.splice(0, statements.length, ...kept);
  return taken;
}
