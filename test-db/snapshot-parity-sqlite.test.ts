// The SQLite snapshot reader through the sqlite3 CLI and through sql.js, after the same scripts:
// a DBA's client and sqlgen's embedded engine (a different SQLite version) must read one database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CatalogSource } from '../src/schema/readers/catalog-source.js';
import { readSqliteSnapshot } from '../src/schema/readers/sqlite.js';
import { sqliteSchemaDdl } from '../src/schema/ddl/sqlite.js';
import { diffSnapshots } from '../src/schema/schema-diff.js';
import { EXAMPLE_COUNTRIES } from '../test/helpers/example-project.js';
import type { Snapshot } from '../src/schema/snapshot.js';
import { renderFor } from '../test/helpers/render.js';
import { REPO_ROOT } from '../test/helpers/run-cli.js';
import { VARIED_SCHEMA, VERSION_TABLE, sqlJsDatabase, sqlJsSource, structuralChanges } from '../test/schema/sqlite-sources.js';
import { freshSqliteFile } from './harness.js';

const run = promisify(execFile);
const REBUILD_PROJECT = path.join(REPO_ROOT, 'test/fixtures/compile/sqlite-rebuild');

/** The sqlite3 CLI as a catalog source: `sqlite3 db "<sql>"` prints the one JSON value. */
function sqlite3Source(file: string): CatalogSource {
  return {
    async json(sql) {
      const { stdout } = await run('sqlite3', ['-init', '/dev/null', '-readonly', file, sql], { maxBuffer: 256 * 1024 * 1024 });
      return JSON.parse(stdout);
    },
  };
}

/** Applies the scripts in turn with the sqlite3 CLI (`-bail`, from a file) and with sql.js, and reads both snapshots. */
async function snapshotsAfter(scripts: string[]): Promise<{ cli: Snapshot; sqlJs: Snapshot }> {
  const file = await freshSqliteFile();
  const db = await sqlJsDatabase();
  try {
    for (const script of scripts) {
      await file.applyScript(script);
      db.exec(script);
    }
    return { cli: await readSqliteSnapshot(sqlite3Source(file.name), VERSION_TABLE), sqlJs: await readSqliteSnapshot(sqlJsSource(db), VERSION_TABLE) };
  } finally {
    db.close();
    await file.drop();
  }
}

describe('SQLite snapshots read through the sqlite3 CLI and sql.js agree', () => {
  it('on a varied schema with rows of every type', async () => {
    const { cli, sqlJs } = await snapshotsAfter([VARIED_SCHEMA]);
    expect(diffSnapshots(cli, sqlJs)).toEqual([]);
    expect(cli.tables.map((table) => table.name)).toEqual(['customers', 'order_lines', 'orders', 'settings']);
  });

  it("on the example project's upgrade script", async () => {
    const upgrade = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' });
    const { cli, sqlJs } = await snapshotsAfter([upgrade]);
    expect(diffSnapshots(cli, sqlJs)).toEqual([]);
    expect(cli.versions).toEqual(['7c9e2b4a1d30']);
    expect(cli.tables.find((table) => table.name === 'countries')?.rows.count).toBe(EXAMPLE_COUNTRIES.length);
  });

  it('on the table rebuilds of test/fixtures/compile/sqlite-rebuild, up and down again', async () => {
    const upgrade = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, REBUILD_PROJECT);
    const downgrade = await renderFor('sqlite', { command: 'downgrade', range: 'heads:base' }, REBUILD_PROJECT);
    const up = await snapshotsAfter([upgrade]);
    expect(diffSnapshots(up.cli, up.sqlJs)).toEqual([]);
    expect(up.cli.versions).toEqual(['bbbb0003']);
    // The rebuilt tables are the tables their DDL creates directly.
    const direct = await snapshotsAfter([sqliteSchemaDdl(up.cli)]);
    expect(structuralChanges(up.cli, direct.cli)).toEqual([]);
    const down = await snapshotsAfter([upgrade, downgrade]);
    expect(diffSnapshots(down.cli, down.sqlJs)).toEqual([]);
    expect(down.cli).toMatchObject({ tables: [], views: [], versions: null });
  });

  it('on the DDL written from a snapshot, applied with the CLI', async () => {
    const { cli: original } = await snapshotsAfter([VARIED_SCHEMA]);
    const ddl = sqliteSchemaDdl(original);
    const { cli, sqlJs } = await snapshotsAfter([ddl]);
    expect(diffSnapshots(cli, sqlJs)).toEqual([]);
    expect(structuralChanges(original, cli)).toEqual([]);
  });
});
