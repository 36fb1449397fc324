/** Where sqlgen deliberately differs from knex, and why; the parity test reads only this table. */
export interface KnownDifference {
  /** Why a DBA would accept the difference. */
  reason: string;
  /** When sqlgen refuses the case: the refusal's message must match. */
  refused?: RegExp;
}

const OLD_POSTGRESQL = "knex's test configures PostgreSQL 7.2 (or a client without jsonb), where json is text; sqlgen targets PostgreSQL with json and jsonb (9.4+)";
const LIVE_QUERY = 'a catalog query for a live database, which an offline script cannot use: the revisions below say what exists';

export const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  'postgresql-001': { reason: OLD_POSTGRESQL },
  'postgresql-002': { reason: OLD_POSTGRESQL },
  'postgresql-005': { reason: OLD_POSTGRESQL },
  'postgresql-027': { reason: "sqlgen writes a view column's default as a literal ('10'); knex pastes the text bare, so a default 'x' would name a column x" },
  'postgresql-098': { reason: "sqlgen renders a boolean default with its literal renderer (false); knex writes '0', which PostgreSQL also reads as false" },
  'mysql-078': { reason: 'a backslash in a MySQL comment is an escape or a backslash depending on NO_BACKSLASH_ESCAPES, so sqlgen refuses it rather than guess', refused: /contains a backslash/ },
  'mysql-079': { reason: "knex's test checks its console warning about the comment's length, not SQL; the server decides on the length" },
  'mysql-083': { reason: 'DROP INDEX IF EXISTS is MariaDB only; MySQL 8 has no such form, and knex refuses it for MySQL too', refused: /dropUniqueIfExists is not supported/ },
  'mysql-084': { reason: 'DROP INDEX IF EXISTS is MariaDB only; MySQL 8 has no such form, and knex refuses it for MySQL too', refused: /dropUniqueIfExists is not supported/ },
  'sqlite-076': { reason: 'sqlgen rebuilds the table to drop CHECK constraints on SQLite: DROP CONSTRAINT needs SQLite 3.53, and knex joins two with a comma, which no SQLite accepts' },
  'mssql-032': { reason: LIVE_QUERY, refused: /hasTable users: knex asks the live database/ },
  'mssql-033': { reason: LIVE_QUERY, refused: /hasTable users: knex asks the live database/ },
  'mssql-035': { reason: LIVE_QUERY, refused: /hasColumn users\.foo: knex asks the live database/ },
  'mssql-036': { reason: LIVE_QUERY, refused: /hasColumn users\.foo: knex asks the live database/ },
};
