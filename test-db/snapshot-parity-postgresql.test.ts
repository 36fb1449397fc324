// The PostgreSQL snapshot reader must see the same database on PGlite (PostgreSQL 18, C locale)
// as on a PostgreSQL 15 server read through psql, in a database with an ICU en-US collation
// and a session in another time zone: rehearsal on PGlite stands in for the DBA's server.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleBundle, renderBundleScripts } from '../src/bundle/assemble-bundle.js';
import { openProject } from '../src/project.js';
import { postgresqlSchemaDdl } from '../src/schema/ddl/postgresql.js';
import { readPostgresqlSnapshot } from '../src/schema/readers/postgresql.js';
import { diffSnapshots } from '../src/schema/schema-diff.js';
import type { Snapshot } from '../src/schema/snapshot.js';
import { freshPglite, runPsqlScript } from '../test/helpers/pglite.js';
import { renderFor } from '../test/helpers/render.js';
import { REPO_ROOT } from '../test/helpers/run-cli.js';
import { serverDatabase } from './postgres-catalog-database.js';
import { pgliteCatalogSource, VARIED_DATA, VARIED_SCHEMA, VERSION_TABLE, withoutData } from '../test/schema/postgresql-schemas.js';

/** Applies each script to PGlite and to the server, and reads both snapshots. */
async function snapshotsOf(...steps: string[]): Promise<{ pglite: Snapshot; server: Snapshot; ddl: string }> {
  const pglite = await freshPglite();
  const server = await serverDatabase();
  try {
    for (const script of steps) {
      await runPsqlScript(pglite, script);
      await server.apply(script);
    }
    const pgliteSnapshot = await readPostgresqlSnapshot(pgliteCatalogSource(pglite), VERSION_TABLE);
    return { pglite: pgliteSnapshot, server: await readPostgresqlSnapshot(server.source, VERSION_TABLE), ddl: postgresqlSchemaDdl(pgliteSnapshot) };
  } finally {
    await pglite.close();
    await server.drop();
  }
}

/** The DDL written from a snapshot applies on PostgreSQL 15 and reads back as the same schema. */
async function expectDdlAppliesOnServer(snapshot: Snapshot, ddl: string): Promise<void> {
  const server = await serverDatabase();
  try {
    await server.apply(ddl);
    const rebuilt = await readPostgresqlSnapshot(server.source, VERSION_TABLE);
    expect(diffSnapshots(withoutData(snapshot), rebuilt)).toEqual([]);
  } finally {
    await server.drop();
  }
}

describe('PostgreSQL snapshots: PGlite (PostgreSQL 18) and a PostgreSQL 15 server agree', () => {
  it('on the varied schema, with rows whose text depends on locale and time zone', async () => {
    const { pglite, server, ddl } = await snapshotsOf(VARIED_SCHEMA, VARIED_DATA);
    expect(diffSnapshots(pglite, server)).toEqual([]);
    expect(pglite.tables.find((table) => table.name === 'customers')?.rows.count).toBe(3);
    await expectDdlAppliesOnServer(pglite, ddl);
  });

  it("on the example project's upgrade script", async () => {
    const upgrade = await renderFor('postgresql', { command: 'upgrade', range: 'base:heads' });
    const { pglite, server, ddl } = await snapshotsOf(upgrade);
    expect(diffSnapshots(pglite, server)).toEqual([]);
    expect(pglite.versions).toEqual(['7c9e2b4a1d30']);
    await expectDdlAppliesOnServer(pglite, ddl);
  });
});

/**
 * Every state a rehearsal of the example bundle reads on PGlite, read on the server after the
 * same per-revision files: so PGlite's verdict holds for PostgreSQL 15. The bundle's schema.sql
 * applies on the server and gives the schema both reached.
 */
describe('the rehearsal of a bundle, step by step, on PGlite and on PostgreSQL 15', () => {
  it.each([
    ['the example project', REPO_ROOT],
    ['the values-and-ops compile fixture', path.join(REPO_ROOT, 'test/fixtures/compile/values-and-ops')],
  ])('%s: each per-revision upgrade and rollback reaches the same snapshot on both', async (_name, root) => {
    const project = await openProject({ cwd: root, env: {}, flags: { dialect: 'postgresql' } });
    const { rehearsal } = await renderBundleScripts(project, { from: 'base', to: 'heads' });
    const pglite = await freshPglite();
    const server = await serverDatabase();
    try {
      const steps = [...rehearsal.revisions.map((revision) => revision.up), ...[...rehearsal.revisions].reverse().map((revision) => revision.down)];
      for (const step of steps) {
        await runPsqlScript(pglite, step.sql);
        await server.apply(step.sql);
        const [embedded, real] = [await readPostgresqlSnapshot(pgliteCatalogSource(pglite), VERSION_TABLE), await readPostgresqlSnapshot(server.source, VERSION_TABLE)];
        expect(diffSnapshots(embedded, real), step.file).toEqual([]);
      }
    } finally {
      await pglite.close();
      await server.drop();
    }
  });

  it("the example bundle's schema.sql applies on PostgreSQL 15 and gives the schema the rehearsal reached", async () => {
    const project = await openProject({ cwd: REPO_ROOT, env: {}, flags: { dialect: 'postgresql' } });
    const bundle = await assembleBundle(project, { from: 'base', to: 'heads', signed: false, allowLintErrors: true });
    expect(bundle.manifest.rehearsal.status).toBe('passed');
    const { pglite } = await snapshotsOf(bundle.files.get('upgrade.sql')!);
    await expectDdlAppliesOnServer(pglite, bundle.files.get('schema.sql')!);
  });
});
