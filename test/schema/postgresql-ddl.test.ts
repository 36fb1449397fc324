import { citext } from '@electric-sql/pglite/contrib/citext';
import { describe, expect, it } from 'vitest';
import { postgresqlSchemaDdl, quoteIdent } from '../../src/schema/ddl/postgresql.js';
import { readPostgresqlSnapshot } from '../../src/schema/readers/postgresql.js';
import { diffSnapshots } from '../../src/schema/schema-diff.js';
import type { Snapshot, SnapshotView } from '../../src/schema/snapshot.js';
import { freshPglite, runPsqlScript } from '../helpers/pglite.js';
import { expectGolden } from '../helpers/render.js';
import { pgliteCatalogSource, snapshotOnPglite, VARIED_DATA, VARIED_SCHEMA, VERSION_TABLE, withoutData } from './postgresql-schemas.js';

const NO_OBJECTS: Snapshot = {
  dialect: 'postgresql', schemas: [], extensions: [], enums: [], domains: [], sequences: [], tables: [], views: [], functions: [], comments: [], versions: null,
};

describe('postgresqlSchemaDdl', () => {
  it('rebuilds the varied schema: applied to an empty database it reads back the same', async () => {
    const original = await snapshotOnPglite(VARIED_SCHEMA + VARIED_DATA);
    const ddl = postgresqlSchemaDdl(original);
    expect(diffSnapshots(withoutData(original), await snapshotOnPglite(ddl))).toEqual([]);
    expect(postgresqlSchemaDdl(original)).toBe(ddl);
    expectGolden('schema/postgresql-example.sql', ddl);
  });

  it('quotes names PostgreSQL would not read back unchanged, and rebuilds them', async () => {
    const script = `CREATE SCHEMA "Sales"; CREATE TABLE "Sales"."Order Items" ("order" integer NOT NULL, "Qty" integer CHECK ("Qty" > 0), price$ numeric);
      CREATE INDEX "By Qty" ON "Sales"."Order Items" ("Qty"); COMMENT ON COLUMN "Sales"."Order Items"."order" IS 'It''s the order';`;
    const original = await snapshotOnPglite(script);
    const ddl = postgresqlSchemaDdl(original);
    expect(ddl).toContain('CREATE TABLE "Sales"."Order Items" (\n  "order" integer NOT NULL,\n  "Qty" integer,\n  price$ numeric,');
    expect(ddl).toContain(`COMMENT ON COLUMN "Sales"."Order Items"."order" IS 'It''s the order';`);
    expect(diffSnapshots(original, await snapshotOnPglite(ddl))).toEqual([]);
  });

  it('installs extensions at the version read, before the tables that use them', async () => {
    const snapshotWithCitext = async (script: string) => {
      const db = await freshPglite({ citext });
      await runPsqlScript(db, script);
      const snapshot = await readPostgresqlSnapshot(pgliteCatalogSource(db), VERSION_TABLE);
      await db.close();
      return snapshot;
    };
    const original = await snapshotWithCitext('CREATE EXTENSION citext; CREATE TABLE handles (name citext PRIMARY KEY);');
    const ddl = postgresqlSchemaDdl(original);
    expect(ddl).toContain("CREATE EXTENSION IF NOT EXISTS citext VERSION '1.8';");
    expect(diffSnapshots(original, await snapshotWithCitext(ddl))).toEqual([]);
  });

  it('creates a view after the views it selects from, whatever their names', () => {
    const view = (name: string, definition: string): SnapshotView => ({ name, materialized: false, definition, comment: null });
    const ddl = postgresqlSchemaDdl({ ...NO_OBJECTS, views: [view('a_top', ' SELECT x\n   FROM m_middle;'), view('m_middle', ' SELECT x\n   FROM z_base;'), view('z_base', ' SELECT 1 AS x;')] });
    const order = [...ddl.matchAll(/CREATE VIEW (\w+)/g)].map((match) => match[1]);
    expect(order).toEqual(['z_base', 'm_middle', 'a_top']);
  });

  it('says where it came from and lists the version rows it leaves out', () => {
    expect(postgresqlSchemaDdl({ ...NO_OBJECTS, versions: ['a1', 'b2'] })).toBe(
      '-- Written by sqlgen from the catalog of a rehearsed database (PostgreSQL).\n-- The version table is left out; its rows were:\n-- version rows: [a1, b2]\n',
    );
    expect(postgresqlSchemaDdl(NO_OBJECTS)).toContain('-- version rows: none (no version table)\n');
  });
});

describe('quoteIdent', () => {
  it.each([
    ['customers', 'customers'],
    ['price$', 'price$'],
    ['_x1', '_x1'],
    ['user', '"user"'],
    ['order', '"order"'],
    ['left', '"left"'],
    ['time', '"time"'],
    ['Orders', '"Orders"'],
    ['order items', '"order items"'],
    ['1st', '"1st"'],
    ['say "hi"', '"say ""hi"""'],
  ])('%s → %s', (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });

  it('quotes exactly the key words PostgreSQL quotes (its own list as the oracle)', async () => {
    const db = await freshPglite();
    const { rows } = await db.query<{ word: string; quoted: boolean }>(`SELECT word, quote_ident(word) <> word AS quoted FROM pg_get_keywords() ORDER BY word`);
    await db.close();
    const wrong = rows.filter(({ word, quoted }) => (quoteIdent(word) !== word) !== quoted).map(({ word }) => word);
    expect(wrong).toEqual([]);
  });
});
