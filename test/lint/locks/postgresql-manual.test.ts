import { describe, expect, test } from 'vitest';
import { lockScript } from '../../../src/lint/locks/lock-script.js';
import { blocksOf, conflicts, POSTGRESQL_LOCK_MODES } from '../../../src/lint/locks/postgresql-modes.js';

/**
 * What PGlite (one server version, one connection) cannot show: the conflict table itself and
 * what older servers do, as the PostgreSQL manual and release notes state them.
 */
async function locks(sql: string, postgresqlVersion?: number): Promise<string[]> {
  const entries = await lockScript(sql, { file: 'up.sql', dialect: 'postgresql', ...(postgresqlVersion !== undefined && { postgresqlVersion }) });
  return entries.map((entry) => `${entry.object}: ${entry.mode}, blocks ${entry.blocks}, ${entry.effect}${entry.note ? ` (${entry.note})` : ''}`);
}

describe('the conflict table', () => {
  test('is symmetric: a mode conflicts with another exactly when that one conflicts with it', () => {
    for (const a of POSTGRESQL_LOCK_MODES) for (const b of POSTGRESQL_LOCK_MODES) expect([a, b, conflicts(a, b)]).toEqual([a, b, conflicts(b, a)]);
  });

  test("what each mode blocks: the manual's 'Conflicts with' lists, read against SELECT's and DML's modes", () => {
    expect(Object.fromEntries(POSTGRESQL_LOCK_MODES.map((mode) => [mode, blocksOf(mode)]))).toEqual({
      'ACCESS SHARE': 'nothing',
      'ROW SHARE': 'nothing',
      'ROW EXCLUSIVE': 'nothing',
      'SHARE UPDATE EXCLUSIVE': 'nothing',
      SHARE: 'writes',
      'SHARE ROW EXCLUSIVE': 'writes',
      EXCLUSIVE: 'writes',
      'ACCESS EXCLUSIVE': 'reads and writes',
    });
  });
});

describe('facts that follow the server version', () => {
  test('ADD COLUMN with a constant default rewrites the table before PostgreSQL 11', async () => {
    const sql = 'alter table orders add column status text default \'new\'';
    expect(await locks(sql, 10)).toEqual(["orders: ACCESS EXCLUSIVE, blocks reads and writes, rewrites (writes the new column's default into every row)"]);
    expect(await locks(sql, 11)).toEqual(['orders: ACCESS EXCLUSIVE, blocks reads and writes, none']);
  });

  test('ATTACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table before 12, SHARE UPDATE EXCLUSIVE from 12', async () => {
    const sql = "alter table events attach partition events_2024 for values from ('2024-01-01') to ('2025-01-01')";
    const partition = 'events_2024: ACCESS EXCLUSIVE, blocks reads and writes, scans (the partition: its rows are checked against the bound unless a valid CHECK constraint implies it)';
    const note = '(a default partition is locked ACCESS EXCLUSIVE and scanned too)';
    expect(await locks(sql, 11)).toEqual([`events: ACCESS EXCLUSIVE, blocks reads and writes, none ${note}`, partition]);
    expect(await locks(sql, 12)).toEqual([`events: SHARE UPDATE EXCLUSIVE, blocks nothing, none ${note}`, partition]);
  });

  test('DETACH PARTITION CONCURRENTLY exists from 14: on 13 the report says it is a syntax error there', async () => {
    const [parent] = await locks('alter table events detach partition events_2023 concurrently', 13);
    expect(parent).toMatch(/^events: SHARE UPDATE EXCLUSIVE, blocks nothing, none \(CONCURRENTLY needs PostgreSQL 14: a syntax error on 13; two transactions/);
  });

  test('REINDEX CONCURRENTLY exists from 12', async () => {
    const [table] = await locks('reindex table concurrently orders', 11);
    expect(table).toMatch(/^orders: SHARE UPDATE EXCLUSIVE, blocks nothing, scans \(CONCURRENTLY needs PostgreSQL 12: a syntax error on 11;/);
  });

  test('renaming an index takes SHARE UPDATE EXCLUSIVE from 12, ACCESS EXCLUSIVE before', async () => {
    expect(await locks('alter index orders_idx rename to orders_placed_idx', 11)).toEqual(['orders_idx: ACCESS EXCLUSIVE, blocks reads and writes, none']);
    expect(await locks('alter index orders_idx rename to orders_placed_idx', 12)).toEqual(['orders_idx: SHARE UPDATE EXCLUSIVE, blocks nothing, none']);
  });

  test('SET NOT NULL skips its scan from 12 when a validated CHECK of the script proves the column', async () => {
    const script = [
      'alter table orders add constraint total_not_null check (total is not null) not valid;',
      'alter table orders validate constraint total_not_null;',
      'alter table orders alter column total set not null;',
    ].join('\n');
    const setNotNull = async (version: number) => (await locks(script, version)).at(-1);
    expect(await setNotNull(11)).toBe('orders: ACCESS EXCLUSIVE, blocks reads and writes, scans');
    expect(await setNotNull(12)).toBe('orders: ACCESS EXCLUSIVE, blocks reads and writes, none (a valid CHECK (total IS NOT NULL) proves it: no scan)');
  });
});

describe('what the report leaves out, and what it cannot see into', () => {
  test("settings, transaction control, new types and functions, and sqlgen's own version guards take no lock worth reporting", async () => {
    const script = [
      "set lock_timeout = '2s';",
      'begin;',
      "create type mood as enum ('ok');",
      'create function one() returns int language sql as $$ select 1 $$;',
      'DO $sqlgen$ BEGIN PERFORM pg_advisory_xact_lock(42); END $sqlgen$;',
      'select 1;',
      'commit;',
    ].join('\n');
    expect(await locks(script)).toEqual([]);
  });

  test('a DO block, a procedure, a function sqlgen does not know, a statement it has no model for and one that does not parse are reported as unknown', async () => {
    const script = ["do $$ begin perform 1; end $$;", 'call archive_orders();', "select partman.create_parent('orders');", 'alter extension postgis update;', 'alter tabel orders;'].join('\n');
    expect(await locks(script)).toEqual([
      'what the block does: unknown, blocks unknown, unknown (sqlgen does not follow the code of a DO block)',
      'what archive_orders() does: unknown, blocks unknown, unknown (sqlgen does not follow the code of a procedure)',
      'what partman.create_parent() does: unknown, blocks unknown, unknown (sqlgen does not follow the code of a function it does not know)',
      'what the statement locks: unknown, blocks unknown, unknown (sqlgen has no lock model for ALTER EXTENSION yet: see its page in the PostgreSQL manual)',
      'what the statement does: unknown, blocks unknown, unknown (it does not parse)',
    ]);
  });

  test('a table the script created is said to be new; the object keeps its schema as written', async () => {
    expect(await locks('create table audit.events (id int);\ncreate index on audit.events (id);')).toEqual([
      'audit.events: SHARE, blocks writes, scans (created earlier in this script; builds the index)',
    ]);
  });
});
