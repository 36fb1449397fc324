// Guards on the real clients: a script applied to a database at the wrong revisions stops at its
// first statement's guard, the client exits non-zero, the message names the expected and the
// found rows, and the database is exactly as it was (tables, columns, indexes, version rows).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresDatabase, loadServerSettings, type ClientResult, type Row } from './harness.js';
import { bundleFor } from './render.js';
import { TARGETS, withDatabase, type SessionDatabase, type Target } from './targets.js';

const FIRST = '1a2b3c4d5e6f';
const SECOND = '3f2a9c1b7d4e';
const HEAD = '7c9e2b4a1d30';

/** Everything a wrong-state script could have touched. */
async function snapshot(db: SessionDatabase, target: Target): Promise<Record<string, Row[]>> {
  const relations = await db.query(target.catalog.relations);
  const hasVersionTable = relations.some(([name]) => name === 'sqlgen_version');
  return {
    relations,
    columns: await db.query(target.catalog.columnDetails),
    indexes: await db.query(target.catalog.indexes),
    versions: hasVersionTable ? await db.query('SELECT version_num FROM sqlgen_version ORDER BY version_num') : [],
  };
}

/** Applies `file`, which must stop at a guard naming `expected` and `found`, and change nothing. */
async function expectRefused(db: SessionDatabase, target: Target, file: string, expected: string, found: string): Promise<void> {
  const before = await snapshot(db, target);
  const result = await db.applyFailing({ file });
  const said = result.stdout + result.stderr;
  expect(said).toContain('sqlgen guard');
  expect(said).toContain(`expected ${target.dialect === 'mysql' ? '' : 'version rows '}[${expected}]`);
  expect(said).toContain(found);
  expect(await snapshot(db, target)).toEqual(before);
}

describe.each(TARGETS.map((target) => [target.name, target] as const))('version guards on %s', (_, target: Target) => {
  it('a per-revision file applied twice, or out of order, stops at its guard and changes nothing', async () => {
    const bundle = await bundleFor(target.dialect);
    await withDatabase(target, async (db) => {
      await db.apply({ file: bundle.ups[0]! });
      await expectRefused(db, target, bundle.ups[0]!, '', `[${FIRST}]`);
      await expectRefused(db, target, bundle.ups[2]!, SECOND, `[${FIRST}]`);
    });
  });

  it('the whole upgrade applied twice stops at its first guard and changes nothing', async () => {
    const bundle = await bundleFor(target.dialect);
    await withDatabase(target, async (db) => {
      await db.apply({ file: path.join(bundle.folder, 'upgrade.sql') });
      await expectRefused(db, target, path.join(bundle.folder, 'upgrade.sql'), '', `[${HEAD}]`);
    });
  });

  it('downgrade.sql on an empty database stops: there is no version table', async () => {
    const bundle = await bundleFor(target.dialect);
    await withDatabase(target, async (db) => {
      await expectRefused(db, target, path.join(bundle.folder, 'downgrade.sql'), HEAD, 'no version table');
    });
  });

  it('--no-guards scripts say so in their header and run without checking', async () => {
    const bundle = await bundleFor(target.dialect, ['--no-guards']);
    const script = readFileSync(path.join(bundle.folder, 'upgrade.sql'), 'utf8');
    expect(script).toContain('Guards are off (--no-guards)');
    expect(script).not.toContain('sqlgen guard');
    await withDatabase(target, async (db) => {
      await db.apply({ file: path.join(bundle.folder, 'upgrade.sql') });
      expect(await db.query('SELECT version_num FROM sqlgen_version')).toEqual([[HEAD]]);
    });
  });
});

/** Runs psql on `file` against `database` and resolves with what it printed and its exit code. */
function psql(database: string, file: string): Promise<ClientResult> {
  const { postgres } = loadServerSettings();
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, '-d', database, '-f', file];
  return new Promise((resolve, reject) => {
    const child = spawn('psql', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

describe('two DBAs applying the same PostgreSQL upgrade at once', () => {
  it('one applies it, the other waits on the guard lock, then stops at the guard', async () => {
    const bundle = await bundleFor('postgresql');
    // A pause after the first revision's guard keeps its lock held while the second psql starts.
    const slow = path.join(bundle.folder, 'upgrade-slow.sql');
    const script = readFileSync(path.join(bundle.folder, 'upgrade.sql'), 'utf8');
    const firstGuardEnd = script.indexOf('$sqlgen$;', script.indexOf('found text')) + '$sqlgen$;'.length;
    writeFileSync(slow, `${script.slice(0, firstGuardEnd)}\nSELECT pg_sleep(1);${script.slice(firstGuardEnd)}`);
    for (let round = 0; round < 3; round += 1) {
      const db = await freshPostgresDatabase();
      try {
        const results = await Promise.all([psql(db.name, slow), psql(db.name, slow)]);
        const [applied, refused] = [...results].sort((a, b) => a.exitCode - b.exitCode);
        expect(applied!.exitCode, applied!.stderr).toBe(0);
        expect(refused!.exitCode).not.toBe(0);
        expect(refused!.stderr).toContain(`sqlgen guard: expected version rows [], found [${FIRST}]`);
        expect(await db.query('SELECT version_num FROM sqlgen_version')).toEqual([[HEAD]]);
      } finally {
        await db.drop();
      }
    }
  });
});
