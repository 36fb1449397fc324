import type { DialectId } from './dialect-id.js';
import type { Dialect } from './dialect.js';
import { mssql } from './mssql.js';
import { mysql } from './mysql.js';
import { postgresql } from './postgresql.js';
import { sqlite } from './sqlite.js';

/** Every dialect, by id: a new DialectId without an entry here does not compile. */
export const DIALECTS = { postgresql, mysql, sqlite, mssql } as const satisfies Record<DialectId, Dialect>;

export function dialectFor(id: DialectId): Dialect {
  return DIALECTS[id];
}

/** The dialect with the project's settings applied: the oldest SQLite its scripts must run on. */
export function configuredDialect(config: { dialect: DialectId; sqlite: { minimumVersion: string } }): Dialect {
  const dialect = DIALECTS[config.dialect];
  return dialect.minimumVersion === undefined ? dialect : { ...dialect, minimumVersion: config.sqlite.minimumVersion };
}
