import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBundleScripts } from '../../src/bundle/assemble-bundle.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';
import type { EmbeddedEngine } from '../../src/engines/engine.js';
import { EMBEDDED_ENGINES } from '../../src/engines/index.js';
import { openProject } from '../../src/project.js';
import { rehearse } from '../../src/rehearse/rehearsal.js';
import { describeFailure } from '../../src/rehearse/rehearsal-report.js';
import { rehearseRange, type RehearsalReport } from '../../src/rehearse/rehearse-range.js';
import type { Snapshot } from '../../src/schema/snapshot.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { runCli, snapshotTree } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** A SQL revision file, as users write them. */
function sqlRevision(id: string, parents: string, upgrade: string, downgrade: string): string {
  return `-- sqlgen:id ${id}\n-- sqlgen:parents ${parents}\n-- sqlgen:message ${id}\n\n-- sqlgen:upgrade\n${upgrade}\n\n-- sqlgen:downgrade\n${downgrade}\n`;
}

const CUSTOMERS = sqlRevision('aaaa0001', '', 'CREATE TABLE customers (id integer PRIMARY KEY, email varchar(200) NOT NULL);', 'DROP TABLE customers;');

/** A project of two SQL revisions: customers, then `upgrade`/`downgrade` as revision aaaa0002. */
function project(dialect: DialectId, upgrade: string, downgrade: string, files: Record<string, string> = {}): string {
  return tempProject({
    'sqlgen.config.json': JSON.stringify({ dialect }),
    'revisions/aaaa0001_customers.sql': CUSTOMERS,
    'revisions/aaaa0002_change.sql': sqlRevision('aaaa0002', 'aaaa0001', upgrade, downgrade),
    ...files,
  });
}

async function rehearsed(root: string, request: { from?: string; seed?: string } = {}): Promise<RehearsalReport> {
  const opened = await openProject({ cwd: root, env: {}, flags: {} });
  return rehearseRange(opened, { from: request.from ?? 'base', to: 'heads', ...(request.seed && { seed: path.join(root, request.seed) }) });
}

const failureOf = (report: RehearsalReport) => (report.failure ? describeFailure(report.failure) : `no failure: ${report.status}`);

describe('a rehearsal that must fail says which step, file, line and revision, and what the engine said or what differs', () => {
  it.each(['postgresql', 'sqlite'] as const)('%s: a downgrade that leaves a column', async (dialect) => {
    const report = await rehearsed(project(dialect, 'ALTER TABLE customers ADD COLUMN loyalty_points integer;', 'SELECT 1;'));
    expect(report.status).toBe('failed');
    expect(failureOf(report)).toBe(
      'step per-revision downgrade, revisions/0002_aaaa0002_change.down.sql, revision aaaa0002: after revisions/0002_aaaa0002_change.down.sql (downgrade of aaaa0002): column customers.loyalty_points still exists',
    );
  });

  it('a downgrade that leaves rows', async () => {
    const report = await rehearsed(project('sqlite', "INSERT INTO customers (id, email) VALUES (1, 'a@example.org'), (2, 'b@example.org');", 'SELECT 1;'));
    expect(failureOf(report)).toBe(
      'step per-revision downgrade, revisions/0002_aaaa0002_change.down.sql, revision aaaa0002: after revisions/0002_aaaa0002_change.down.sql (downgrade of aaaa0002): table customers: 2 rows, expected 0',
    );
  });

  it('a downgrade that changes rows it should give back', async () => {
    const report = await rehearsed(project('sqlite', "UPDATE customers SET email = lower(email);", 'SELECT 1;', { 'seed.sql': "INSERT INTO customers (id, email) VALUES (1, 'Ada@Example.org');\n" }), { from: 'aaaa0001', seed: 'seed.sql' });
    expect(failureOf(report)).toBe(
      'step per-revision downgrade, revisions/0001_aaaa0002_change.down.sql, revision aaaa0002: after revisions/0001_aaaa0002_change.down.sql (downgrade of aaaa0002): table customers: as many rows as expected, but their content differs',
    );
  });

  it.each([
    ['postgresql', 'revisions/0001_aaaa0002_change.up.sql:13, revision aaaa0002: column "tier" of relation "customers" contains null values; statement: ALTER TABLE customers ADD COLUMN tier text NOT NULL'],
    ['sqlite', 'revisions/0001_aaaa0002_change.up.sql:12, revision aaaa0002: Cannot add a NOT NULL column with default value NULL; statement: ALTER TABLE customers ADD COLUMN tier text NOT NULL'],
  ] as const)('%s: an upgrade that fails only on seeded rows (NOT NULL without a default)', async (dialect, where) => {
    const root = project(dialect, 'ALTER TABLE customers ADD COLUMN tier text NOT NULL;', 'ALTER TABLE customers DROP COLUMN tier;', { 'seed.sql': "-- one customer\nINSERT INTO customers (id, email) VALUES (1, 'ada@example.org');\n" });
    expect((await rehearsed(root, { from: 'aaaa0001' })).status).toBe('passed');
    const seeded = await rehearsed(root, { from: 'aaaa0001', seed: 'seed.sql' });
    expect(failureOf(seeded)).toBe(`step per-revision upgrade, ${where}`);
  });

  it('a SQLite statement SQLite rejects on the data it meets (a unique index over duplicates)', async () => {
    const root = project('sqlite', 'CREATE UNIQUE INDEX customers_email ON customers (email);', 'DROP INDEX customers_email;', {
      'seed.sql': "INSERT INTO customers (id, email) VALUES (1, 'same@example.org'), (2, 'same@example.org');\n",
    });
    const report = await rehearsed(root, { from: 'aaaa0001', seed: 'seed.sql' });
    expect(failureOf(report)).toBe(
      'step per-revision upgrade, revisions/0001_aaaa0002_change.up.sql:12, revision aaaa0002: UNIQUE constraint failed: customers.email; statement: CREATE UNIQUE INDEX customers_email ON customers (email)',
    );
  });

  it('per-revision files run out of order: the guard stops the second one, and says what it found', async () => {
    const root = project('sqlite', 'ALTER TABLE customers ADD COLUMN tier text;', 'ALTER TABLE customers DROP COLUMN tier;');
    const opened = await openProject({ cwd: root, env: {}, flags: {} });
    const { rehearsal: scripts } = await renderBundleScripts(opened, { from: 'base', to: 'heads' });
    const engine = await EMBEDDED_ENGINES.sqlite({ versionTable: opened.config.versionTable });
    const result = await rehearse(engine, { ...scripts, revisions: [...scripts.revisions].reverse() });
    await engine.close();
    expect(result.outcome).toBe('failed');
    expect('failure' in result && describeFailure(result.failure)).toBe(
      // The guard prints what it found; reading the absent version table then stops the script, as in sqlite3.
      "step per-revision upgrade, revisions/0002_aaaa0002_change.up.sql:10, revision aaaa0002: no such table: sqlgen_version; the script printed: sqlgen guard: expected version rows [aaaa0001], found no version table; statement: SELECT 'sqlgen guard: expected version rows [aaaa0001], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM \"sqlgen_version\" ORDER BY version_num)), '') AS found) WHERE found IS NOT 'aaaa0001'",
    );
  });
});

describe('a rehearsal runs what psql runs', () => {
  it('CREATE INDEX CONCURRENTLY outside the transaction, sent alone as psql sends it', async () => {
    const root = copyExampleProject();
    writeFileSync(
      path.join(root, 'revisions/9a9a9a9a9a9a_orders_by_status.ts'),
      `import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: '9a9a9a9a9a9a',
  parents: ['7c9e2b4a1d30'],
  message: 'orders by status',
  upgrade(op) {
    op.outsideTransaction(() => op.execute('CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)'));
  },
  downgrade(op) {
    op.outsideTransaction(() => op.execute('DROP INDEX CONCURRENTLY orders_status_idx'));
  },
});
`,
    );
    const report = await rehearsed(root, { from: '7c9e2b4a1d30' });
    expect(report.status, report.detail).toBe('passed');
    expect(report.revisions[0]!.schemaChanges).toEqual(['added index orders_status_idx on orders (CREATE INDEX orders_status_idx ON public.orders USING btree (status))']);
  });
});

describe('what a rehearsal cannot do is said, never pretended', () => {
  it('PostgreSQL: an extension PGlite does not ship is "not rehearsable", naming the statement; one it ships is loaded', async () => {
    const missing = await rehearsed(project('postgresql', 'CREATE EXTENSION IF NOT EXISTS postgis;', 'DROP EXTENSION postgis;'));
    expect(missing.status).toBe('not rehearsable');
    expect(missing.detail).toMatch(/^not rehearsable: PGlite \d+\.\d+\.\d+ does not ship this extension; step per-revision upgrade, revisions\/0002_aaaa0002_change\.up\.sql:\d+, revision aaaa0002: extension "postgis" is not available/);
    const shipped = await rehearsed(project('postgresql', 'CREATE EXTENSION IF NOT EXISTS pgcrypto;', 'DROP EXTENSION pgcrypto;'));
    expect(shipped.status).toBe('passed');
    expect(shipped.revisions[1]!.schemaChanges).toEqual([expect.stringMatching(/^added extension pgcrypto \(\d+\.\d+\)$/)]);
  });

  it('MySQL and SQL Server have no embedded engine', async () => {
    for (const dialect of ['mysql', 'mssql'] as const) {
      const report = await rehearsed(project(dialect, 'ALTER TABLE customers ADD tier text;', 'ALTER TABLE customers DROP COLUMN tier;'));
      expect(report).toMatchObject({ status: 'unavailable', detail: `not rehearsed: no embedded ${dialect === 'mysql' ? 'MySQL' : 'SQL Server'} engine` });
    }
  });
});

describe('sqlgen bundle with a rehearsal', () => {
  it('a failed rehearsal stops the bundle (exit 1) and leaves output/ as it was; --allow-rehearsal-failure writes it and records why', async () => {
    const root = project('sqlite', 'ALTER TABLE customers ADD COLUMN loyalty_points integer;', 'SELECT 1;');
    const before = snapshotTree(root);
    const failed = await runCli(['bundle'], root);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('error: the rehearsal on SQLite');
    expect(failed.stderr).toContain('column customers.loyalty_points still exists');
    expect(snapshotTree(root)).toEqual(before);

    const allowed = await runCli(['bundle', '--allow-rehearsal-failure'], root);
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    const folder = path.join(root, 'output/base-to-aaaa0002-sqlite');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.rehearsal).toMatchObject({ status: 'failed', failureAllowed: true, detail: expect.stringContaining('column customers.loyalty_points still exists') });
    expect(existsSync(path.join(folder, 'schema.sql'))).toBe(false);
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain('failed, and this bundle was written anyway');
  });

  it('a seed file that fails names its file and line and the engine\'s message (exit 2), and nothing is written', async () => {
    const root = project('sqlite', 'ALTER TABLE customers ADD COLUMN tier text;', 'ALTER TABLE customers DROP COLUMN tier;', { 'seeds/rows.sql': "-- rows\n\nINSERT INTO customers (id, email) VALUES (1, 'a@example.org');\nINSERT INTO nowhere VALUES (1);\n" });
    const before = snapshotTree(root);
    const result = await runCli(['bundle', '--from', 'aaaa0001', '--seed', 'seeds/rows.sql'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: seeds/rows.sql:4: the seed file failed on SQLite');
    expect(result.stderr).toContain('no such table: nowhere');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a MySQL bundle says it was not rehearsed, on stderr, in the manifest and the README', async () => {
    const root = project('mysql', 'ALTER TABLE customers ADD tier text;', 'ALTER TABLE customers DROP COLUMN tier;');
    const result = await runCli(['bundle'], root);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('\nrehearsal: not rehearsed: no embedded MySQL engine\n');
    const folder = path.join(root, 'output/base-to-aaaa0002-mysql');
    expect(JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')).rehearsal).toEqual({ status: 'unavailable', detail: 'not rehearsed: no embedded MySQL engine', failureAllowed: false });
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain('Rehearsal verdict: not rehearsed: no embedded MySQL engine.');
  });
});

describe('a rehearsal checks its own scoped snapshots', () => {
  it('fails loudly, as a defect of sqlgen, when a full catalog read disagrees with the scoped state after the upgrades', async () => {
    const empty: Snapshot = { dialect: 'postgresql', schemas: [], extensions: [], enums: [], domains: [], sequences: [], tables: [], views: [], functions: [], comments: [], versions: null };
    const missed: Snapshot = { ...empty, schemas: ['audit'] };
    // An engine whose scoped reads never see the schema its script made; only a fresh read does.
    const engine: EmbeddedEngine = {
      description: 'a stand-in engine',
      apply: async () => ({ ok: true, output: [] }),
      snapshot: async (options) => (options?.fresh ? missed : empty),
      close: async () => undefined,
    };
    const script = (file: string) => ({ file, sql: 'CREATE SCHEMA audit;' });
    const rehearsal = rehearse(engine, { upgrade: script('upgrade.sql'), downgrade: script('downgrade.sql'), revisions: [{ id: 'aaaa0001', up: script('up.sql'), down: script('down.sql') }] });
    await expect(rehearsal).rejects.toThrow("sqlgen's scoped snapshots missed a change the full catalog read shows (a defect of sqlgen; please report it with the revisions): added schema audit");
  });
});
