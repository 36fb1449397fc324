import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LockEntry } from '../../../src/lint/locks/lock-entry.js';
import { lockScript } from '../../../src/lint/locks/lock-script.js';
import { freshPglite } from '../../helpers/pglite.js';

/**
 * The lock model against PostgreSQL itself (PGlite): each statement runs in a transaction on the
 * objects below, and the strongest mode pg_locks shows on each relation must be the one the report
 * gives; every table, view or sequence the statement locks must be in the report (or be named in
 * `unseen`, with the reason the report cannot see it). The effect is read from the catalog too: a
 * new relfilenode is a rewrite, a sequential scan counted in pg_stat_xact_user_tables is a scan.
 */
const SETUP = `
create table parent (id int primary key, name text);
create table child (id int primary key, parent_id int, note text, n int, v varchar(10));
insert into parent values (1, 'a');
insert into child values (1, 1, 'x', 1, 'v');
create index child_note_idx on child (note);
alter table child add constraint child_n_check check (n > 0) not valid;
alter table child add constraint child_parent_fk foreign key (parent_id) references parent (id) not valid;
create materialized view parent_names as select id, name from parent;
create unique index parent_names_id on parent_names (id);
create view parent_view as select * from parent;
create table events (id int, at date) partition by range (at);
create table events_2023 partition of events for values from ('2023-01-01') to ('2024-01-01');
create table events_2024 (id int, at date);
create sequence ticket_seq;
create trigger child_trigger before update on child for each row execute function suppress_redundant_updates_trigger();
create policy child_policy on child using (true);
create table child_fk (id int, parent_id int references parent (id));
create domain positive as int;
create table measures (id int, value positive);
create table heir (id int not null, name text);
`;

interface Case {
  sql: string;
  /** Relations the statement locks that the report cannot name, with why. */
  unseen?: Record<string, string>;
  /** Why the effect is not compared with the catalog. */
  effectNotCompared?: string;
}

const QUERY = 'a query reads the rows it selects; the effect column is about schema changes';
const FOREIGN_KEY_TARGET = "a foreign key's other table is not in the statement's text; the note says it is locked";
const VIEW_QUERY = "the view's query reads it; the note says its tables get ACCESS SHARE";

const CASES: Case[] = [
  { sql: 'alter table child add column x int' },
  { sql: 'alter table child add column x int default 0' },
  { sql: 'alter table child add column x int not null default 0' },
  { sql: 'alter table child add column x timestamptz default clock_timestamp()' },
  { sql: "alter table child add column x int default nextval('ticket_seq')", unseen: { ticket_seq: "the default's nextval() takes a lock on it" } },
  { sql: 'alter table child add column x int check (x > 0)' },
  { sql: 'alter table child add column x int unique' },
  { sql: 'alter table child add column x int references parent (id)' },
  { sql: 'alter table child add column x int default 1 references parent (id)' },
  { sql: 'alter table child add column x int generated always as (n * 2) stored' },
  { sql: 'alter table child alter column n set not null' },
  { sql: 'alter table child alter column n drop not null' },
  { sql: 'alter table child alter column n set default 1' },
  { sql: 'alter table child alter column n type bigint' },
  { sql: 'alter table child alter column v type varchar(20)' },
  { sql: 'alter table child alter column n set statistics 100' },
  { sql: 'alter table child alter column n set (n_distinct = 10)' },
  { sql: 'alter table child alter column note set storage external' },
  { sql: 'alter table child drop column note' },
  { sql: 'alter table child add constraint positive_n check (n > 0)' },
  { sql: 'alter table child add constraint positive_n check (n > 0) not valid' },
  { sql: 'alter table child add constraint parent_fk foreign key (parent_id) references parent (id)' },
  { sql: 'alter table child add constraint parent_fk foreign key (parent_id) references parent (id) not valid' },
  { sql: 'alter table child add constraint unique_n unique (n)' },
  { sql: 'alter table child validate constraint child_n_check' },
  { sql: 'alter table child validate constraint child_parent_fk', unseen: { parent: FOREIGN_KEY_TARGET } },
  { sql: 'alter table child drop constraint child_n_check' },
  { sql: 'alter table child_fk drop constraint child_fk_parent_id_fkey', unseen: { parent: FOREIGN_KEY_TARGET } },
  { sql: 'alter table child set (fillfactor = 70)' },
  { sql: 'alter table child set (autovacuum_enabled = false, toast.autovacuum_enabled = false)' },
  { sql: 'alter table child set (user_catalog_table = true)' },
  { sql: 'alter table child set unlogged' },
  { sql: 'alter table child cluster on child_pkey' },
  { sql: 'alter table child disable trigger child_trigger' },
  { sql: 'alter table child enable row level security' },
  { sql: 'alter table child replica identity full' },
  { sql: 'alter table child owner to current_user' },
  { sql: 'alter table child alter column n set statistics 10, add column x int' },
  { sql: "alter table events attach partition events_2024 for values from ('2024-01-01') to ('2025-01-01')" },
  { sql: 'alter table events detach partition events_2023' },
  { sql: 'alter table heir inherit parent' },
  { sql: 'alter index child_note_idx rename to child_remark_idx' },
  { sql: 'alter index child_note_idx set (fillfactor = 70)' },
  { sql: 'alter table child rename to kid' },
  { sql: 'alter table child rename column note to remark' },
  { sql: 'alter table child rename constraint child_n_check to n_check' },
  { sql: 'alter view parent_view rename to parents' },
  { sql: 'alter materialized view parent_names rename to names' },
  { sql: 'alter sequence ticket_seq restart' },
  { sql: 'create index on child (n)' },
  { sql: 'drop index child_note_idx' },
  { sql: 'drop table child_fk', unseen: { parent: FOREIGN_KEY_TARGET } },
  { sql: 'drop view parent_view' },
  { sql: 'drop materialized view parent_names' },
  { sql: 'drop sequence ticket_seq' },
  { sql: 'drop trigger child_trigger on child' },
  { sql: 'drop policy child_policy on child' },
  { sql: 'truncate child', effectNotCompared: 'TRUNCATE gives the table new, empty files: a new relfilenode, but nothing is copied' },
  { sql: 'lock table child in share mode' },
  { sql: 'lock table child' },
  { sql: 'cluster child using child_pkey' },
  { sql: 'reindex table child' },
  { sql: 'reindex index child_note_idx' },
  { sql: 'refresh materialized view parent_names', unseen: { parent: VIEW_QUERY } },
  { sql: 'refresh materialized view concurrently parent_names', unseen: { parent: VIEW_QUERY } },
  { sql: 'create trigger audit before insert on child for each row execute function suppress_redundant_updates_trigger()' },
  { sql: 'create policy everyone on child using (true)' },
  { sql: 'alter policy child_policy on child using (false)' },
  { sql: 'create rule ignore_inserts as on insert to child do instead nothing' },
  { sql: 'create statistics child_stats on n, parent_id from child' },
  { sql: "comment on table child is 'x'" },
  { sql: "comment on column child.note is 'x'" },
  { sql: "comment on index child_note_idx is 'x'" },
  { sql: "comment on constraint child_n_check on child is 'x'" },
  { sql: "comment on trigger child_trigger on child is 'x'" },
  { sql: 'create table orders (id int, parent_id int references parent (id))' },
  { sql: "create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01')" },
  { sql: 'create table child_copy (like child)' },
  { sql: 'create table grandchild () inherits (parent)' },
  { sql: 'create table plain (id int)' },
  { sql: 'create table child_rows as select * from child', effectNotCompared: QUERY },
  { sql: 'create view child_view as select * from child' },
  { sql: 'create or replace view parent_view as select * from parent' },
  { sql: 'select * from child', effectNotCompared: QUERY },
  { sql: 'select * from child for update', effectNotCompared: QUERY },
  { sql: 'select c.id from child c join parent p on p.id = c.parent_id for update of c', effectNotCompared: QUERY },
  { sql: 'select * from parent_view', unseen: { parent: 'a view reads its tables' } },
  { sql: "insert into child values (2, 1, 'y', 2, 'w')", unseen: { parent: "the foreign key's check of the new row takes ROW SHARE on it" } },
  { sql: 'insert into child (id, n) select id + 1, id from parent', effectNotCompared: QUERY },
  { sql: 'update child set n = 2', effectNotCompared: QUERY },
  { sql: 'delete from child where id in (select id from parent)', effectNotCompared: QUERY },
  { sql: 'with p as (select * from parent) update child set n = 1 from p where p.id = child.id', effectNotCompared: QUERY },
  { sql: 'merge into child c using parent p on p.id = c.id when matched then update set n = 1', effectNotCompared: QUERY },
  { sql: 'explain select * from child' },
  { sql: 'alter domain positive add constraint positive_value check (value > 0)' },
  { sql: 'alter domain positive add constraint positive_value check (value > 0) not valid' },
  { sql: 'grant select on child to public', unseen: { child: 'GRANT and REVOKE are left out of the report: ACCESS SHARE at most' } },
  { sql: "set lock_timeout = '1s'" },
  { sql: 'select 1' },
  { sql: 'select pg_advisory_xact_lock(1)' },
];

/** pg_locks' names (`ShareRowExclusiveLock`) in the manual's words (`SHARE ROW EXCLUSIVE`). */
function manualName(mode: string): string {
  return mode.replace(/Lock$/, '').replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toUpperCase();
}

const MODES = ['ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];

/** Relations before the statement, by oid: what the statement creates is no one else's. */
interface Relation {
  name: string;
  kind: string;
  table: string;
  filenode: number;
  seqScans: number;
}

async function relations(db: PGlite): Promise<Map<number, Relation>> {
  const { rows } = await db.query<{ oid: number; name: string; kind: string; table: string | null; filenode: number; scans: number | null }>(`
    select c.oid, c.relname as name, c.relkind as kind, coalesce(t.relname, c.relname) as table, c.relfilenode as filenode, s.seq_scan as scans
    from pg_class c left join pg_index i on i.indexrelid = c.oid left join pg_class t on t.oid = i.indrelid
    left join pg_stat_xact_user_tables s on s.relid = c.oid
    where c.relnamespace = 'public'::regnamespace`);
  return new Map(rows.map((row) => [row.oid, { name: row.name, kind: row.kind, table: row.table ?? row.name, filenode: row.filenode, seqScans: row.scans ?? 0 }]));
}

/** The strongest mode this transaction holds on each relation that existed before the statement. */
async function heldModes(db: PGlite, before: Map<number, Relation>): Promise<Map<string, string>> {
  const { rows } = await db.query<{ relation: number; mode: string }>(`select relation, mode from pg_locks where pid = pg_backend_pid() and locktype = 'relation'`);
  const held = new Map<string, string>();
  for (const row of rows) {
    const relation = before.get(row.relation);
    if (!relation) continue;
    const mode = manualName(row.mode);
    const earlier = held.get(relation.name);
    if (!earlier || MODES.indexOf(mode) > MODES.indexOf(earlier)) held.set(relation.name, mode);
  }
  return held;
}

/** The relations a report entry names: itself, the table of an index, the indexes of a table, the tables using a domain. */
async function namedRelations(db: PGlite, entry: LockEntry, before: Map<number, Relation>): Promise<string[]> {
  const all = [...before.values()];
  const tableOfIndex = /^table of index (.+)$/.exec(entry.object);
  if (tableOfIndex) return all.filter((relation) => relation.name === tableOfIndex[1]).map((relation) => relation.table);
  const indexesOf = /^indexes of (.+)$/.exec(entry.object);
  if (indexesOf) return all.filter((relation) => relation.kind === 'i' && relation.table === indexesOf[1]).map((relation) => relation.name);
  const domain = /^each table with a column of domain (.+)$/.exec(entry.object);
  if (domain) {
    const { rows } = await db.query<{ table: string }>(`select distinct attrelid::regclass::text as table from pg_attribute where atttypid = $1::regtype`, [domain[1]]);
    return rows.map((row) => row.table);
  }
  return [entry.object];
}

/** What the catalog shows the statement did to a table: a new relfilenode, else a sequential scan, else nothing. */
function observedEffect(before: Relation, after: Relation | undefined): string {
  if (after && after.filenode !== before.filenode) return 'rewrites';
  return after && after.seqScans > before.seqScans ? 'scans' : 'none';
}

describe('the PostgreSQL lock model, against the locks PostgreSQL takes', () => {
  let db: PGlite;
  let version: number;
  beforeAll(async () => {
    db = await freshPglite();
    await db.exec(SETUP);
    version = Number((await db.query<{ server_version_num: string }>('show server_version_num')).rows[0]!.server_version_num.slice(0, -4));
  }, 60_000);
  afterAll(() => db.close());

  test.each(CASES)('$sql', async ({ sql, unseen = {}, effectNotCompared }) => {
    const entries = await lockScript(sql, { file: 'case.sql', dialect: 'postgresql', postgresqlVersion: version });
    await db.exec('begin');
    try {
      const before = await relations(db);
      await db.exec(sql);
      const held = await heldModes(db, before);
      const after = await relations(db);
      const byName = new Map([...before].map(([oid, relation]) => [relation.name, { before: relation, after: after.get(oid) }]));
      const reported = new Set<string>();
      for (const entry of entries) {
        for (const name of await namedRelations(db, entry, before)) {
          reported.add(name);
          expect({ object: entry.object, relation: name, mode: entry.mode }).toEqual({ object: entry.object, relation: name, mode: held.get(name) });
          const states = byName.get(name)!;
          const isTable = ['r', 'p', 'm'].includes(states.before.kind) && !entry.object.startsWith('indexes of');
          if (isTable && !effectNotCompared && entry.effect !== 'may rewrite') expect({ name, effect: entry.effect }).toEqual({ name, effect: observedEffect(states.before, states.after) });
        }
      }
      const lockedRelations = [...held.keys()].filter((name) => ['r', 'p', 'm', 'v', 'S'].includes(byName.get(name)!.before.kind));
      expect(lockedRelations.filter((name) => !reported.has(name)).sort()).toEqual(Object.keys(unseen).sort());
    } finally {
      await db.exec('rollback');
    }
  });
});

/**
 * Statements that refuse to run in a transaction block cannot be stopped before their locks are
 * released, so they are watched while they run: the index below calls a function that reports,
 * each time an index entry is computed, the locks its backend holds.
 */
const PROBED = `
create table probed (id int primary key, n int);
insert into probed values (1, 1);
create function lock_probe(value int) returns int language plpgsql immutable as $$
begin
  raise notice '%', (select string_agg(c.relname || ':' || l.mode, ',') from pg_locks l join pg_class c on c.oid = l.relation
    where l.pid = pg_backend_pid() and c.relnamespace = 'public'::regnamespace);
  return value;
end $$;
create index probe_idx on probed (lock_probe(n));
`;

const OUTSIDE_TRANSACTIONS = [
  'create index concurrently probed_n_idx on probed (n, lock_probe(n))',
  'reindex index concurrently probe_idx',
  'reindex table concurrently probed',
  'vacuum full probed',
  'vacuum (analyze) probed',
];

describe('the PostgreSQL lock model, against the locks held while a statement outside a transaction runs', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await freshPglite();
    await db.exec(PROBED);
  }, 60_000);
  afterAll(() => db.close());

  test.each(OUTSIDE_TRANSACTIONS)('%s', async (sql) => {
    const before = await relations(db);
    const held = new Map<string, string>();
    await db.query(sql, [], {
      onNotice: (notice) => {
        for (const [name, mode] of (notice.message ?? '').split(',').map((lock) => lock.split(':') as [string, string])) {
          const earlier = held.get(name);
          if (mode && [...before.values()].some((relation) => relation.name === name) && (!earlier || MODES.indexOf(manualName(mode)) > MODES.indexOf(earlier))) held.set(name, manualName(mode));
        }
      },
    });
    expect(held.size).toBeGreaterThan(0);
    const entries = await lockScript(sql, { file: 'case.sql', dialect: 'postgresql' });
    for (const entry of entries) {
      for (const name of await namedRelations(db, entry, before)) expect({ object: entry.object, relation: name, mode: entry.mode }).toEqual({ object: entry.object, relation: name, mode: held.get(name) });
    }
    expect(entries.length).toBeGreaterThan(0);
  });
});
