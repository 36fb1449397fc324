// Autogenerate's property on a PostgreSQL 15 server: for random schema pairs, the revision's
// upgrade, applied with psql, gives the server the declared schema (applied with psql to a
// database of its own), and its downgrade gives back the start; both read with the same
// catalog query sqlgen reads PGlite with. More seeds than `npm test` runs on PGlite.
import { afterAll, describe, expect, it } from 'vitest';
import { structuralChanges } from '../src/autogenerate/declared-schema.js';
import { readPostgresqlSnapshot } from '../src/schema/readers/postgresql.js';
import type { Snapshot } from '../src/schema/snapshot.js';
import { schemaPairCase } from '../test/autogenerate/schema-pair-case.js';
import { serverDatabase } from './postgres-catalog-database.js';

const VERSION_TABLE = { name: 'sqlgen_version' };
const SEEDS = Array.from({ length: 24 }, (_, index) => 101 + index);

/** Runs the scripts in order on a fresh server database with psql, reading it after each. */
async function serverSnapshots(...scripts: string[]): Promise<Snapshot[]> {
  const database = await serverDatabase();
  try {
    const snapshots: Snapshot[] = [];
    for (const script of scripts) {
      await database.apply(script);
      snapshots.push(await readPostgresqlSnapshot(database.source, VERSION_TABLE));
    }
    return snapshots;
  } finally {
    await database.drop();
  }
}

/** The kinds of step the seeds made (first two words: `alter column`). */
const seen = new Set<string>();

describe('autogenerate, proven again on PostgreSQL 15 through psql', () => {
  it.each(SEEDS)('seed %i: the upgrade gives the declared schema and the downgrade the start', async (seed) => {
    const pair = await schemaPairCase(seed, 'postgresql');
    const [[start], [declared]] = await Promise.all([serverSnapshots(pair.ddlA), serverSnapshots(pair.ddlB)]);
    expect(pair.steps === 'unchanged', pair.context).toBe(structuralChanges(start!, declared!).length === 0);
    if (pair.steps === 'unchanged') return;
    for (const step of pair.steps) seen.add(step.split(' ').slice(0, 2).join(' '));
    const [upgraded, downgraded] = await serverSnapshots(pair.upgrade, pair.downgrade);
    expect(structuralChanges(upgraded!, declared!), pair.context).toEqual([]);
    expect(structuralChanges(downgraded!, start!), pair.context).toEqual([]);
  });
});

// The seeds must exercise the planner, not only its easy paths.
afterAll(() => {
  expect([...seen]).toEqual(expect.arrayContaining(['create table', 'drop table', 'add column', 'drop column', 'alter column', 'create index', 'drop index', 'add constraint', 'drop constraint', 'create view', 'drop view']));
});
