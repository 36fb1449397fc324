import { describe, expect, it } from 'vitest';
import { sqliteSchemaDdl } from '../../src/schema/ddl/sqlite.js';
import { expectGolden } from '../helpers/render.js';
import { VARIED_SCHEMA, sqlJsSnapshot, structuralChanges } from './sqlite-sources.js';

describe('sqliteSchemaDdl', async () => {
  const snapshot = await sqlJsSnapshot(VARIED_SCHEMA);
  const ddl = sqliteSchemaDdl(snapshot);

  it('builds, in an empty database, a schema with the same snapshot', async () => {
    expect(structuralChanges(snapshot, await sqlJsSnapshot(ddl))).toEqual([]);
  });

  it('writes the same bytes for the same snapshot, and again after its own round trip', async () => {
    expectGolden('schema/sqlite.varied.sql', ddl);
    expect(sqliteSchemaDdl(await sqlJsSnapshot(VARIED_SCHEMA))).toBe(ddl);
    expect(sqliteSchemaDdl({ ...(await sqlJsSnapshot(ddl)), versions: snapshot.versions })).toBe(ddl);
  });

  it('puts each view after the views it reads, whatever their names', () => {
    const order = ['paid_orders', 'customer_totals', 'big_customers'].map((name) => ddl.indexOf(`CREATE VIEW ${name} `));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists the version rows in the header, or says there is no version table', async () => {
    expect(ddl).toContain('-- The rehearsed database had version rows: [aaaa0001, bbbb0002].');
    expect(sqliteSchemaDdl(await sqlJsSnapshot('CREATE TABLE t (a text);'))).toContain('-- The rehearsed database had no version table.');
  });
});
