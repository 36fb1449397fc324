import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedEngine } from '../../src/engines/engine.js';
import { openPglite, transactionBlocks } from '../../src/engines/pglite.js';
import { splitStatements } from '../../src/lint/split-statements.js';

const blocksOf = (script: string) => transactionBlocks(splitStatements(script, { file: 'f.sql', dialect: 'postgresql' }).statements).map((block) => block.map((statement) => statement.sql));

describe('transactionBlocks', () => {
  it('groups each explicit transaction, from BEGIN to COMMIT or ROLLBACK, and leaves every other statement alone', () => {
    expect(blocksOf('SET x = 1; BEGIN; SELECT 1; SAVEPOINT s; ROLLBACK TO SAVEPOINT s; COMMIT; CREATE INDEX CONCURRENTLY i ON t (a); START TRANSACTION; SELECT 2; ROLLBACK;')).toEqual([
      ['SET x = 1'],
      ['BEGIN', 'SELECT 1', 'SAVEPOINT s', 'ROLLBACK TO SAVEPOINT s', 'COMMIT'],
      ['CREATE INDEX CONCURRENTLY i ON t (a)'],
      ['START TRANSACTION', 'SELECT 2', 'ROLLBACK'],
    ]);
  });

  it('runs a transaction the script leaves open statement by statement', () => {
    expect(blocksOf('BEGIN; SELECT 1;')).toEqual([['BEGIN'], ['SELECT 1']]);
  });
});

describe('the PGlite engine applies a script as psql does', () => {
  let engine: EmbeddedEngine;
  beforeAll(async () => {
    engine = await openPglite({ versionTable: { name: 'sqlgen_version' } }, []);
  });
  afterAll(() => engine.close());

  it('names the failing statement of a transaction, its line and the engine message', async () => {
    const script = ['CREATE TABLE notes (id int PRIMARY KEY);', 'BEGIN;', 'INSERT INTO notes VALUES (1);', 'INSERT INTO notes', "  VALUES ('one');", 'COMMIT;'].join('\n');
    expect(await engine.apply(script, 'up.sql')).toEqual({
      ok: false,
      file: 'up.sql',
      line: 4,
      statement: "INSERT INTO notes\n  VALUES ('one')",
      message: 'invalid input syntax for type integer: "one"',
      output: [],
    });
  });

  it('applies a transaction whose statement ends in a line comment, then CONCURRENTLY outside it, as psql does', async () => {
    await engine.apply('ROLLBACK;', 'reset.sql');
    const script = 'BEGIN;\nCREATE TABLE tags (name text) -- the label\n;\nINSERT INTO tags VALUES (\'a\');\nCOMMIT;\nCREATE INDEX CONCURRENTLY tags_name ON tags (name);';
    expect(await engine.apply(script, 'up.sql')).toEqual({ ok: true, output: [] });
    const tags = (await engine.snapshot()).tables.find((table) => table.name === 'tags');
    expect(tags?.rows.count).toBe(1);
    expect(tags?.indexes.map((index) => index.name)).toEqual(['tags_name']);
  });

  it('reads the catalog right after a script drops every prepared statement, and over many changing tables', async () => {
    const before = await engine.snapshot();
    expect(await engine.apply('DISCARD ALL;', 'discard.sql')).toEqual({ ok: true, output: [] });
    expect(await engine.snapshot()).toEqual(before);
    for (let index = 1; index <= 12; index++) {
      await engine.apply(`CREATE TABLE t${index} (id int); INSERT INTO t${index} VALUES (${index});`, 'up.sql');
      const tables = (await engine.snapshot()).tables.filter((table) => /^t\d+$/.test(table.name));
      expect(tables.map((table) => table.rows.count)).toEqual(Array.from({ length: index }, () => 1));
    }
  });
});
