import { createRequire } from 'node:module';

/**
 * SQLite alterations that SQLite may refuse in place (ADD COLUMN of a primary key, unique or
 * non-constant default column, DROP COLUMN of an indexed or key column, DROP CONSTRAINT before
 * 3.53), each paired with the table rebuild that makes the same change on every SQLite. The
 * shadow schema decides which one a script gets (see sqlite-rebuild.ts).
 *
 * The rebuilds drive knex's own SQLite DDL helper and its CREATE TABLE parser (knex is pinned;
 * the compiler tests cover them), as knex does for `.alter()` and `dropForeign`.
 */
export type RebuildPlan = (ddl: KnexSqliteDdl) => Promise<{ sql?: string[] } | undefined>;

/** The slice of knex's SQLite DDL helper (`client.ddl(...)`) the plans use. */
export interface KnexSqliteDdl {
  alteredName: string;
  wrap(name: string): string;
  tableName(): string;
  getTableSql(): Promise<{ createTable: string; createIndices: string[] }>;
  dropColumn(columns: string[]): Promise<{ sql: string[] }>;
  generateAlterCommands(createTable: string, createIndices: string[], columns?: string[]): Promise<{ sql: string[] }>;
}

interface ParsedColumn {
  name: string;
  constraints: { check: { name: string | null } | null };
}
interface ParsedTable {
  table: string;
  columns: ParsedColumn[];
  constraints: Array<{ type: string; name: string | null }>;
}

// Written out in full so that the bundled CLI takes them from its own copy of knex (scripts/bundle-cli.js).
const { parseCreateTable } = createRequire(import.meta.url)('knex/lib/dialects/sqlite3/schema/internal/parser') as { parseCreateTable(sql: string): ParsedTable };
const { compileCreateTable } = createRequire(import.meta.url)('knex/lib/dialects/sqlite3/schema/internal/compiler') as { compileCreateTable(table: ParsedTable, wrap: (name: string) => string): string };

/** Drops the columns, with the keys and indexes that use them, as knex's own dropColumn does. */
export function dropColumns(columns: string[]): RebuildPlan {
  return (ddl) => ddl.dropColumn(columns);
}

/**
 * The rebuild for a knex SQLite statement that SQLite may refuse in place, if there is one:
 * `alter table t add column <definition>` and `alter table t drop constraint a, drop constraint b`.
 */
export function rebuildPlanFor(sql: string): RebuildPlan | undefined {
  const added = /^alter table \S+ add column (.+)$/is.exec(sql);
  if (added) return addColumn(added[1]!);
  const dropped = /^alter table \S+ (drop constraint .+)$/is.exec(sql);
  if (dropped) return dropChecks(dropped[1]!.split(/,\s*drop constraint /i).map((name) => name.replace(/^drop constraint /i, '').trim()));
  return undefined;
}

/** Adds the column at the end; the copy names its columns, so the new one takes its default (or a new rowid). */
function addColumn(definition: string): RebuildPlan {
  return async (ddl) => {
    const { createTable, createIndices } = await ddl.getTableSql();
    const parsed = parseCreateTable(createTable);
    const kept = parsed.columns.map((column) => ddl.wrap(column.name)).join(', ');
    parsed.table = ddl.alteredName;
    parsed.columns.push(...parseCreateTable(`CREATE TABLE t (${definition})`).columns);
    return {
      sql: [
        compileCreateTable(parsed, ddl.wrap),
        `INSERT INTO ${ddl.wrap(ddl.alteredName)} (${kept}) SELECT ${kept} FROM ${ddl.wrap(ddl.tableName())}`,
        `DROP TABLE ${ddl.wrap(ddl.tableName())}`,
        `ALTER TABLE ${ddl.wrap(ddl.alteredName)} RENAME TO ${ddl.wrap(ddl.tableName())}`,
        ...createIndices,
      ],
    };
  };
}

/** Removes the named CHECK constraints, whether written on the table or on a column. */
function dropChecks(names: string[]): RebuildPlan {
  const named = (name: string | null) => name !== null && names.some((wanted) => wanted.toLowerCase() === name.toLowerCase());
  return async (ddl) => {
    const { createTable, createIndices } = await ddl.getTableSql();
    const parsed = parseCreateTable(createTable);
    const present = [...parsed.constraints.filter((constraint) => constraint.type === 'CHECK').map((constraint) => constraint.name), ...parsed.columns.map((column) => column.constraints.check?.name ?? null)];
    const missing = names.filter((name) => !present.some((found) => found?.toLowerCase() === name.toLowerCase()));
    if (missing.length > 0) throw new Error(`table ${ddl.tableName()} has no CHECK constraint named ${missing.join(', ')}`);
    parsed.table = ddl.alteredName;
    parsed.constraints = parsed.constraints.filter((constraint) => !(constraint.type === 'CHECK' && named(constraint.name)));
    for (const column of parsed.columns) if (named(column.constraints.check?.name ?? null)) column.constraints.check = null;
    return ddl.generateAlterCommands(compileCreateTable(parsed, ddl.wrap), createIndices);
  };
}
