import { GUARD_PREFIX, createTableIfNotExists, guardText, rowList, type VersionGuardSyntax } from '../version-guard-syntax.js';
import { renderMysqlLiteral } from '../literals/mysql.js';

/**
 * MySQL and MariaDB: no `BEGIN NOT ATOMIC` (MySQL lacks it) and no SIGNAL from a prepared
 * statement (MySQL refuses it), but preparing a statement whose text is the message is a
 * syntax error that quotes it, and it stops both clients. The version table is read through a
 * prepared statement too, so that a missing table is reported rather than failing to parse.
 * DDL commits implicitly here, so nothing holds a second script off.
 */
export const mysqlGuard: VersionGuardSyntax = {
  lock: () => [],
  createIfAbsent: createTableIfNotExists,
  check: (table, expected) => {
    const rows = rowList(expected);
    const schema = table.schema ? renderMysqlLiteral(table.schema) : 'DATABASE()';
    const missing = `SELECT 'no version table' INTO @sqlgen_found`;
    const read = `SELECT COALESCE(GROUP_CONCAT(${table.column} ORDER BY ${table.column} SEPARATOR ' '), '') INTO @sqlgen_found FROM ${table.quoted}`;
    return [
      `SELECT IF(COUNT(*) = 0, ${renderMysqlLiteral(missing)}, ${renderMysqlLiteral(read)}) INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = ${schema} AND table_name = ${renderMysqlLiteral(table.name)};`,
      ...prepared('@sqlgen_read'),
      `SET @sqlgen_check = IF(@sqlgen_found = ${guardText(rows)}, 'DO 0', CONCAT(${guardText(`${GUARD_PREFIX} expected [${rows}], found [`)}, @sqlgen_found, ']'));`,
      ...prepared('@sqlgen_check'),
    ];
  },
};

function prepared(variable: string): string[] {
  return [`PREPARE sqlgen_guard FROM ${variable};`, 'EXECUTE sqlgen_guard;', 'DEALLOCATE PREPARE sqlgen_guard;'];
}
