import { createHash } from 'node:crypto';
import { GUARD_PREFIX, createTableIfNotExists, NOTHING_CHANGED, guardText, rowList, type GuardedTable, type VersionGuardSyntax } from '../version-guard-syntax.js';
import { renderPostgresqlLiteral } from '../literals/postgresql.js';

const HINT = 'Run this script only on a database at exactly the expected revisions; render a script that starts from the revisions the database is at.';

/**
 * PostgreSQL: a transaction-level advisory lock keyed on the version table serializes sqlgen
 * scripts (the second waits, then fails the check), and a DO block raises when the rows differ.
 */
export const postgresqlGuard: VersionGuardSyntax = {
  lock: (table) => [`DO $sqlgen$ BEGIN PERFORM pg_advisory_xact_lock(${advisoryKey(table)}); END $sqlgen$;`],
  createIfAbsent: createTableIfNotExists,
  check: (table, expected) => {
    const rows = guardText(rowList(expected));
    return [
      [
        'DO $sqlgen$',
        'DECLARE',
        "  found text := 'no version table';",
        'BEGIN',
        `  IF to_regclass(${renderPostgresqlLiteral(table.quoted)}) IS NOT NULL THEN`,
        `    SELECT coalesce(string_agg(${table.column}, ' ' ORDER BY ${table.column} COLLATE "C"), '') INTO found FROM ${table.quoted};`,
        '  END IF;',
        `  IF found <> ${rows} THEN`,
        `    RAISE EXCEPTION '${GUARD_PREFIX} expected version rows [%], found [%]; ${NOTHING_CHANGED}', ${rows}, found`,
        `      USING HINT = ${guardText(HINT)};`,
        '  END IF;',
        'END',
        '$sqlgen$;',
      ].join('\n'),
    ];
  },
};

/** A fixed 64-bit key per version table, the same on every machine (no server-side hash function). */
function advisoryKey(table: GuardedTable): string {
  const digest = createHash('sha256').update(`sqlgen:${table.quoted}`).digest();
  return digest.readBigInt64BE(0).toString();
}
