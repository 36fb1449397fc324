import { createHash } from 'node:crypto';
import { GUARD_PREFIX, createTableIfNotExists, NOTHING_CHANGED, guardText, rowList, type GuardedTable, type VersionGuardSyntax } from '../version-guard-syntax.js';
import { renderPostgresqlLiteral } from '../literals/postgresql.js';

/**
 * PostgreSQL: a transaction-level advisory lock keyed on the version table serializes sqlgen
 * scripts (the second waits, then fails the check), and a DO block raises when the rows differ.
 */
export const postgresqlGuard: VersionGuardSyntax = {
  lock: (table) => [`DO $sqlgen$ BEGIN ${lockStatement(table)} END $sqlgen$;`],
  createIfAbsent: createTableIfNotExists,
  // Compact: a script carries one per revision (a 5,000-revision script grew 10% in time with a longer one).
  check: (table, expected) => {
    const rows = guardText(rowList(expected));
    return [
      [
        `DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN ${lockStatement(table)}`,
        `IF to_regclass(${renderPostgresqlLiteral(table.quoted)}) IS NOT NULL THEN SELECT coalesce(string_agg(${table.column}, ' ' ORDER BY ${table.column} COLLATE "C"), '') INTO found FROM ${table.quoted}; END IF;`,
        `IF found <> ${rows} THEN RAISE EXCEPTION '${GUARD_PREFIX} expected version rows [%], found [%]; ${NOTHING_CHANGED}', ${rows}, found; END IF;`,
        'END $sqlgen$;',
      ].join('\n'),
    ];
  },
};

const LOCK = String.raw`PERFORM pg_advisory_xact_lock\(-?\d+\);`;
const TEXT = String.raw`'(?:[^']|'')*'`;
const QUOTED_NAME = String.raw`"(?:[^"]|"")*"(?:\."(?:[^"]|"")*")?`;
const GUARD_SHAPES = [
  new RegExp(String.raw`^DO \$sqlgen\$ BEGIN ${LOCK} END \$sqlgen\$;?$`),
  new RegExp(
    String.raw`^DO \$sqlgen\$ DECLARE found text := 'no version table'; BEGIN ${LOCK}\n` +
      String.raw`IF to_regclass\(${TEXT}\) IS NOT NULL THEN SELECT coalesce\(string_agg\(version_num, ' ' ORDER BY version_num COLLATE "C"\), ''\) INTO found FROM ${QUOTED_NAME}; END IF;\n` +
      String.raw`IF found <> ${TEXT} THEN RAISE EXCEPTION ${TEXT}, ${TEXT}, found; END IF;\nEND \$sqlgen\$;?$`,
  ),
];

/**
 * Whether a statement is one of the DO blocks {@link postgresqlGuard} writes, exactly: they only
 * read the version table and take a lock, so a snapshot reader may pass over them.
 */
export function isPostgresqlGuard(statement: string): boolean {
  return GUARD_SHAPES.some((shape) => shape.test(statement));
}

/** Held to the end of the transaction; taking it again in the same transaction is a no-op. */
function lockStatement(table: GuardedTable): string {
  return `PERFORM pg_advisory_xact_lock(${advisoryKey(table)});`;
}

const advisoryKeys = new Map<string, string>();

/**
 * A fixed 64-bit key per version table, the same on every machine (no server-side hash
 * function); worked out once per table, since a script asks for it once per revision.
 */
function advisoryKey(table: GuardedTable): string {
  let key = advisoryKeys.get(table.quoted);
  if (key === undefined) {
    key = createHash('sha256').update(`sqlgen:${table.quoted}`).digest().readBigInt64BE(0).toString();
    advisoryKeys.set(table.quoted, key);
  }
  return key;
}
