import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExampleProject } from '../test/helpers/example-project.js';
import { runCli } from '../test/helpers/run-cli.js';
import type { Row } from './harness.js';
import { TARGETS, withDatabase, type SessionDatabase, type Target } from './targets.js';

/** A bundle written by the CLI for `dialect`, and the per-revision files its manifest lists. */
async function bundleFor(dialect: string): Promise<{ folder: string; ups: string[]; downs: string[] }> {
  const root = copyExampleProject();
  const result = await runCli(['bundle', '--dialect', dialect], root);
  if (result.exitCode !== 0) throw new Error(`sqlgen bundle --dialect ${dialect} failed:\n${result.stderr}`);
  const folder = path.join(root, result.stdout.trim());
  // What a DBA would do first: check the files with the standard tool.
  execFileSync('sha256sum', ['--strict', '--quiet', '-c', 'SHA256SUMS'], { cwd: folder });
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { revisions: Array<{ upgrade: { file: string }; downgrade: { file: string } }> };
  return {
    folder,
    ups: manifest.revisions.map((revision) => path.join(folder, revision.upgrade.file)),
    downs: manifest.revisions.map((revision) => path.join(folder, revision.downgrade.file)).reverse(),
  };
}

async function state(db: SessionDatabase, target: Target): Promise<Record<string, Row[]>> {
  return {
    columns: await db.query(target.catalog.columnDetails),
    indexes: await db.query(target.catalog.indexes),
    versions: await db.query('SELECT version_num FROM sqlgen_version'),
    countries: await db.query('SELECT code, name FROM countries ORDER BY code'),
  };
}

describe.each(TARGETS.map((target) => [target.name, target] as const))('example bundle applied by the client on %s', (_, target: Target) => {
  it('upgrade.sql and the per-revision files in order give the same state; both rollbacks empty it', async () => {
    const bundle = await bundleFor(target.dialect);
    let whole: Record<string, Row[]> = {};
    await withDatabase(target, async (db) => {
      await db.apply({ file: path.join(bundle.folder, 'upgrade.sql') });
      whole = await state(db, target);
      expect(whole.versions).toEqual([['7c9e2b4a1d30']]);
      await db.apply({ file: path.join(bundle.folder, 'downgrade.sql') });
      expect(await db.query(target.catalog.relations)).toEqual([['sqlgen_version', 'table']]);
    });
    await withDatabase(target, async (db) => {
      for (const file of bundle.ups) await db.apply({ file });
      expect(await state(db, target)).toEqual(whole);
      for (const file of bundle.downs) await db.apply({ file });
      expect(await db.query(target.catalog.relations)).toEqual([['sqlgen_version', 'table']]);
      expect(await db.query('SELECT version_num FROM sqlgen_version')).toEqual([]);
    });
  });
});
