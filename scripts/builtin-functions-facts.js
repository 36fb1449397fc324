// The facts behind src/lint/postgresql/builtin-functions.ts, read from PostgreSQL's pg_proc in
// PGlite (through sqlgen's built engine, which loads the cached initdb); shared by the script
// that writes the file and its --check, which a test runs.
import { createPglite } from '../dist/engines/pglite.js';

/**
 * Per function name in pg_catalog: whether any overload is volatile, and the argument counts its
 * overloads accept (`2`, `1-3` with defaults, `1+` when variadic).
 */
export async function builtinFunctionFacts() {
  const db = await createPglite();
  try {
    const version = (await db.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
    const { rows } = await db.query(`SELECT p.proname AS name, p.provolatile = 'v' AS volatile, p.pronargs AS args, p.pronargdefaults AS defaults, p.provariadic <> 0 AS variadic
      FROM pg_proc p WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.prokind = 'f' AND p.proname !~ '^_'`);
    const byName = new Map();
    for (const row of rows) {
      const entry = byName.get(row.name) ?? { volatile: false, counts: new Set() };
      entry.volatile ||= row.volatile;
      const least = row.args - row.defaults - (row.variadic ? 1 : 0);
      entry.counts.add(row.variadic ? `${least}+` : least === row.args ? `${least}` : `${least}-${row.args}`);
      byName.set(row.name, entry);
    }
    return { version, byName };
  } finally {
    await db.close();
  }
}

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function renderBuiltinFunctions({ version, byName }) {
  const names = [...byName.keys()].sort(byText);
  const stable = names.filter((name) => !byName.get(name).volatile).map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify([...byName.get(name).counts].sort(byText).join(','))},`);
  const volatile = names.filter((name) => byName.get(name).volatile).map((name) => `  ${JSON.stringify(name)},`);
  return `// Written by scripts/builtin-functions.js from PostgreSQL ${version}'s pg_catalog; do not edit.

/**
 * Built-in functions none of whose overloads is volatile, with the argument counts they accept:
 * \`2\`, \`1-3\` (defaults), \`1+\` (variadic), comma-separated over the overloads.
 */
export const NON_VOLATILE_BUILTINS: Readonly<Record<string, string>> = {
${stable.join('\n')}
};

/** Built-in functions with a volatile overload (random, nextval, clock_timestamp, ...). */
export const VOLATILE_BUILTINS: ReadonlySet<string> = new Set([
${volatile.join('\n')}
]);
`;
}
