/** Compares dotted version numbers (`3.35.0`) part by part: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The PostgreSQL major version lint findings assume when nothing says otherwise: the oldest the
 * PostgreSQL project still supports (14 reached its end of life in November 2026). Advice for
 * it holds on every supported server: a hazard a later version removed is still reported.
 */
export const DEFAULT_POSTGRESQL_VERSION = 15;

/** The oldest PostgreSQL major version a lint can be set for (the first with a one-number name). */
export const MIN_POSTGRESQL_VERSION = 10;

/** The two servers sqlgen's `mysql` dialect writes for: their online DDL differs (see lint/mysql/online-ddl.ts). */
export const MYSQL_FLAVORS = ['mysql', 'mariadb'] as const;
export type MysqlFlavor = (typeof MYSQL_FLAVORS)[number];

/** The MySQL or MariaDB server a lint is for: the flavor and its dotted version (`8.0.36`, `10.11`). */
export interface MysqlTarget {
  flavor: MysqlFlavor;
  version: string;
}

/** How `lint.mysqlVersion` and `--mysql-version` are written: `mysql-8.4`, `mysql-8.0.36`, `mariadb-10.11`. */
export const MYSQL_TARGET_PATTERN = '^(mysql|mariadb)-[0-9]+\\.[0-9]+(\\.[0-9]+)?$';

/**
 * The server lint findings assume when nothing says otherwise: MySQL 8.4, the oldest MySQL
 * release series still supported (8.0 reached its end of life in April 2026). sqlgen's `mysql`
 * dialect is named after it; MariaDB users set `mariadb-<version>`.
 */
export const DEFAULT_MYSQL_TARGET = 'mysql-8.4';

/**
 * A `lint.mysqlVersion` value read as a target; a missing patch level reads as 0, so `mysql-8.0`
 * means 8.0.0, before 8.0's online DDL additions (give `mysql-8.0.36` for a patch release).
 *
 * @example
 * mysqlTarget('mariadb-10.11') // { flavor: 'mariadb', version: '10.11' }
 */
export function mysqlTarget(setting: string): MysqlTarget {
  const separator = setting.indexOf('-');
  return { flavor: setting.slice(0, separator) as MysqlFlavor, version: setting.slice(separator + 1) };
}

/**
 * What a SQL Server edition allows where lint advice depends on it: `enterprise` (also Developer,
 * Azure SQL Database and Managed Instance) builds and rebuilds indexes online; `standard` (also
 * Web and Express) cannot.
 */
export const SQL_SERVER_EDITIONS = ['enterprise', 'standard'] as const;
export type SqlServerEdition = (typeof SQL_SERVER_EDITIONS)[number];

/**
 * The edition lint findings assume when nothing says otherwise: `enterprise`, whose online
 * operations Azure SQL shares, so the findings name the blocking index builds a DBA can make
 * online; a Standard server says `standard` and is not told to use what it lacks.
 */
export const DEFAULT_SQL_SERVER_EDITION: SqlServerEdition = 'enterprise';
