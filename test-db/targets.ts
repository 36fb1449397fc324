/**
 * The ways a DBA runs a script sqlgen hands over: an engine, its own client, and the session
 * settings a script must not depend on. Each target binds its session, so a suite can loop over
 * targets without knowing which engine it talks to; what differs per engine is data (`Catalog`).
 *
 * @example
 * for (const target of TARGETS) {
 *   it(target.name, () => withDatabase(target, async (db) => { await db.apply('SELECT 1;'); }));
 * }
 */
import { expect } from 'vitest';
import type { DialectId } from '../src/dialects/dialect-id.js';
import {
  freshMariadbDatabase,
  freshPostgresDatabase,
  freshSqliteFile,
  type ClientResult,
  type Row,
  type Script,
  type TestDatabase,
} from './harness.js';

/** Catalog queries of one engine, each returning rows in a fixed order. */
export interface Catalog {
  /** `[name, 'table' | 'view']` of every user table and view, by name. */
  relations: string;
  /** `[column]` of one table or view, in column order. */
  columns(table: string): string;
  /** `[table, column, type, nullable, default]` of every user table and view. */
  columnDetails: string;
  /** `[table, index definition]` of every index, unique constraint and primary key. */
  indexes: string;
  /** An expression giving the lower-case hex of the UTF-8 bytes of a text expression. */
  utf8Hex(expression: string): string;
}

/** A database with a session bound: every script and query runs under it. */
export interface SessionDatabase {
  /** Applies the script with the engine's client; throws with the client's error when it fails. */
  apply(script: Script): Promise<ClientResult>;
  /** Applies a script that must fail, and returns what the client printed. */
  applyFailing(script: Script): Promise<ClientResult>;
  query(sql: string): Promise<Row[]>;
}

export interface Target {
  /** Names the engine and the session, e.g. `PostgreSQL, standard_conforming_strings=off`. */
  name: string;
  dialect: Extract<DialectId, 'postgresql' | 'mysql' | 'sqlite'>;
  catalog: Catalog;
  open(): Promise<OpenedDatabase>;
}

/** A session database that is dropped when the test is done with it. */
export interface OpenedDatabase extends SessionDatabase {
  drop(): Promise<void>;
}

const POSTGRES_CATALOG: Catalog = {
  relations: `SELECT table_name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  columns: (table) => `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' ORDER BY ordinal_position`,
  columnDetails: `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  indexes: `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
  utf8Hex: (expression) => `encode(convert_to(${expression}, 'UTF8'), 'hex')`,
};

const MARIADB_CATALOG: Catalog = {
  relations: `SELECT table_name, IF(table_type = 'VIEW', 'view', 'table') FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY BINARY table_name`,
  columns: (table) => `SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '${table}' ORDER BY ordinal_position`,
  columnDetails: `SELECT table_name, column_name, column_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position`,
  indexes: `SELECT table_name, CONCAT(index_name, IF(non_unique = 0, ' UNIQUE (', ' ('), GROUP_CONCAT(column_name ORDER BY seq_in_index), ')') FROM information_schema.statistics WHERE table_schema = DATABASE() GROUP BY table_name, index_name, non_unique ORDER BY 1, 2`,
  utf8Hex: (expression) => `LOWER(HEX(${expression}))`,
};

const SQLITE_CATALOG: Catalog = {
  relations: `SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY 1`,
  columns: (table) => `SELECT name FROM pragma_table_info('${table}') ORDER BY cid`,
  columnDetails: `SELECT m.name, p.name, p.type, p."notnull", p.dflt_value FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`,
  indexes: `SELECT tbl_name, coalesce(sql, name) FROM sqlite_master WHERE type = 'index' ORDER BY 1, 2`,
  utf8Hex: (expression) => `lower(hex(${expression}))`,
};

/** Binds `session` to every script and query of a fresh database. */
function withSession<S>(create: () => Promise<TestDatabase<S>>, session: S): () => Promise<OpenedDatabase> {
  return async () => {
    const db = await create();
    return {
      apply: (script) => db.applyScript(script, { session }),
      async applyFailing(script) {
        const result = await db.applyScript(script, { session, allowFailure: true });
        expect(result.exitCode, `the script was expected to fail:\n${result.stdout}`).not.toBe(0);
        return result;
      },
      query: (sql) => db.query(sql, { session }),
      drop: () => db.drop(),
    };
  };
}

/** PostgreSQL under both string modes, MariaDB with and without NO_BACKSLASH_ESCAPES, SQLite. */
export const TARGETS: readonly Target[] = [
  ...[true, false].map(
    (on): Target => ({
      name: `PostgreSQL (psql), standard_conforming_strings=${on ? 'on' : 'off'}`,
      dialect: 'postgresql',
      catalog: POSTGRES_CATALOG,
      open: withSession(freshPostgresDatabase, { standardConformingStrings: on }),
    }),
  ),
  ...[true, false].map(
    (on): Target => ({
      name: `MariaDB (mariadb), NO_BACKSLASH_ESCAPES ${on ? 'on' : 'off'}`,
      dialect: 'mysql',
      catalog: MARIADB_CATALOG,
      open: withSession(freshMariadbDatabase, { noBackslashEscapes: on }),
    }),
  ),
  { name: 'SQLite (sqlite3)', dialect: 'sqlite', catalog: SQLITE_CATALOG, open: withSession(freshSqliteFile, {}) },
];

/** Runs `body` on a fresh database of the target and drops it after, pass or fail. */
export async function withDatabase(target: Target, body: (db: SessionDatabase) => Promise<void>): Promise<void> {
  const db = await target.open();
  try {
    await body(db);
  } finally {
    await db.drop();
  }
}

/** The first column of each row. */
export function firstColumn(rows: readonly Row[]): (string | null)[] {
  return rows.map((row) => row[0] ?? null);
}
