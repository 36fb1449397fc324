import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Row } from './harness.js';
import { bundleFor } from './render.js';
import { TARGETS, withDatabase, type SessionDatabase, type Target } from './targets.js';

async function state(db: SessionDatabase, target: Target): Promise<Record<string, Row[]>> {
  return {
    columns: await db.query(target.catalog.columnDetails),
    indexes: await db.query(target.catalog.indexes),
    versions: await db.query('SELECT version_num FROM sqlgen_version'),
    countries: await db.query('SELECT code, name FROM countries ORDER BY code'),
  };
}

describe.each(TARGETS.map((target) => [target.name, target] as const))('example bundle applied by the client on %s', (_, target: Target) => {
  it('upgrade.sql and the per-revision files in order give the same state; both rollbacks empty it, version table included', async () => {
    const bundle = await bundleFor(target.dialect);
    let whole: Record<string, Row[]> = {};
    await withDatabase(target, async (db) => {
      await db.apply({ file: path.join(bundle.folder, 'upgrade.sql') });
      whole = await state(db, target);
      expect(whole.versions).toEqual([['7c9e2b4a1d30']]);
      await db.apply({ file: path.join(bundle.folder, 'downgrade.sql') });
      expect(await db.query(target.catalog.relations)).toEqual([]);
    });
    await withDatabase(target, async (db) => {
      for (const file of bundle.ups) await db.apply({ file });
      expect(await state(db, target)).toEqual(whole);
      for (const file of bundle.downs) await db.apply({ file });
      expect(await db.query(target.catalog.relations)).toEqual([]);
    });
  });
});
