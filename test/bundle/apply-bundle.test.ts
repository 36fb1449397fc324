import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { assembleBundle, type AssembledBundle } from '../../src/bundle/assemble-bundle.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';
import { openProject } from '../../src/project.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { freshPglite, runPsqlScript } from '../helpers/pglite.js';

/**
 * Bundles are proven on real engines: PGlite (PostgreSQL in WASM) and sql.js (SQLite in WASM),
 * applied here by the tests themselves, so the rehearsal (tested in test/rehearse/) is off.
 */
async function bundleOf(root: string, dialect: DialectId, from = 'base', to = 'heads'): Promise<AssembledBundle> {
  return assembleBundle(await openProject({ cwd: root, env: {}, flags: { dialect } }), { from, to, signed: false, allowLintErrors: false, guards: true, rehearsal: { enabled: false } });
}

const script = (bundle: AssembledBundle, file: string) => bundle.files.get(file)!;
const revisionScripts = (bundle: AssembledBundle, direction: 'upgrade' | 'downgrade') => bundle.manifest.revisions.map((revision) => script(bundle, revision[direction].file));


/** Tables, columns, indexes, the version table and every row: the state a script leaves. */
async function pgState(db: PGlite): Promise<unknown> {
  const query = async (sql: string) => (await db.query(sql)).rows;
  const columns = await query("SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2");
  const indexes = await query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
  const tables = await query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const rows: Record<string, unknown> = {};
  for (const { table_name: table } of tables as Array<{ table_name: string }>) rows[table] = await query(`SELECT * FROM "${table}" ORDER BY 1`);
  return { columns, indexes, rows };
}

describe('a PostgreSQL bundle of the example project on PGlite', () => {
  it('upgrade.sql reaches head, the per-revision files in order reach the same state, downgrade.sql empties it, version table included', async () => {
    const bundle = await bundleOf(REPO_ROOT, 'postgresql');
    const [whole, stepwise] = [await freshPglite(), await freshPglite()];
    await runPsqlScript(whole, script(bundle, 'upgrade.sql'));
    for (const sql of revisionScripts(bundle, 'upgrade')) await runPsqlScript(stepwise, sql);
    expect((await whole.query('SELECT version_num FROM sqlgen_version')).rows).toEqual([{ version_num: '7c9e2b4a1d30' }]);
    expect(await pgState(stepwise)).toEqual(await pgState(whole));

    await runPsqlScript(whole, script(bundle, 'downgrade.sql'));
    for (const sql of revisionScripts(bundle, 'downgrade').reverse()) await runPsqlScript(stepwise, sql);
    const empty = { columns: [], indexes: [], rows: {} };
    expect(await pgState(whole)).toEqual(empty);
    expect(await pgState(stepwise)).toEqual(empty);
  });

  it('a bundle from the middle continues a database at its start, and its rollback returns there', async () => {
    const full = await bundleOf(REPO_ROOT, 'postgresql');
    const middle = await bundleOf(REPO_ROOT, 'postgresql', '3f2a9c1b7d4e', 'heads');
    const [db, reference] = [await freshPglite(), await freshPglite()];
    for (const sql of revisionScripts(full, 'upgrade').slice(0, 2)) {
      await runPsqlScript(db, sql);
      await runPsqlScript(reference, sql);
    }
    await runPsqlScript(db, script(middle, 'upgrade.sql'));
    expect((await db.query('SELECT version_num FROM sqlgen_version')).rows).toEqual([{ version_num: '7c9e2b4a1d30' }]);
    await runPsqlScript(db, script(middle, 'downgrade.sql'));
    expect(await pgState(db)).toEqual(await pgState(reference));
  });
});

describe('a SQLite bundle with table rebuilds on sql.js', () => {
  const fixture = path.join(REPO_ROOT, 'test/fixtures/compile/sqlite-rebuild');
  const sqliteState = (db: Database) => ({
    schema: db.exec("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values,
    books: db.exec('SELECT * FROM books ORDER BY id')[0]?.values,
    versions: db.exec('SELECT version_num FROM sqlgen_version')[0]?.values,
  });

  it('upgrade.sql and the per-revision files reach the same state; downgrade.sql leaves nothing, version table included', async () => {
    const bundle = await bundleOf(fixture, 'sqlite');
    const SQL = await initSqlJs();
    const [whole, stepwise] = [new SQL.Database(), new SQL.Database()];
    whole.exec(script(bundle, 'upgrade.sql'));
    for (const sql of revisionScripts(bundle, 'upgrade')) stepwise.exec(sql);
    expect(sqliteState(whole).versions).toEqual([['bbbb0003']]);
    expect(sqliteState(stepwise)).toEqual(sqliteState(whole));
    whole.exec(script(bundle, 'downgrade.sql'));
    expect(whole.exec("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")).toEqual([]);
  });
});
