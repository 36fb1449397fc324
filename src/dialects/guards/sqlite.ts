import { GUARD_PREFIX, createTableIfNotExists, NOTHING_CHANGED, guardText, rowList, type VersionGuardSyntax } from '../version-guard-syntax.js';
import { renderSqliteLiteral } from '../literals/sqlite.js';

/** The temporary trigger that stops a script whose guard row does not match. */
export const SQLITE_GUARD_TRIGGER = `CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, ${guardText(`${GUARD_PREFIX} the version table does not hold the rows this script expects (see the line above); ${NOTHING_CHANGED}`)}); END;`;

/**
 * SQLite: `BEGIN IMMEDIATE` (the dialect's begin) already serializes writers. SQLite can only
 * raise inside a trigger, and before 3.41 only with a constant message, so the check prints
 * what it found on a mismatch, then a temporary trigger aborts the script.
 */
export const sqliteGuard: VersionGuardSyntax = {
  lock: () => [],
  createIfAbsent: createTableIfNotExists,
  check: (table, expected) => {
    const rows = rowList(expected);
    const catalog = table.schema ? `${quote(table.schema)}.sqlite_master` : 'sqlite_master';
    const found = `coalesce((SELECT group_concat(${table.column}, ' ') FROM (SELECT ${table.column} FROM ${table.quoted} ORDER BY ${table.column})), '')`;
    return [
      'CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);',
      SQLITE_GUARD_TRIGGER,
      `SELECT ${guardText(`${GUARD_PREFIX} expected version rows [${rows}], found no version table`)} WHERE NOT EXISTS (SELECT 1 FROM ${catalog} WHERE type = 'table' AND name = ${renderSqliteLiteral(table.name)});`,
      `SELECT ${guardText(`${GUARD_PREFIX} expected version rows [${rows}], found [`)} || found || ']' FROM (SELECT ${found} AS found) WHERE found IS NOT ${guardText(rows)};`,
      `INSERT INTO sqlgen_guard (expected, found) SELECT ${guardText(rows)}, ${found};`,
    ];
  },
};

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
