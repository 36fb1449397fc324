import { expect, test } from 'vitest';
import { characterOffset, loadPostgresqlParser } from '../../src/lint/parse-postgresql.js';

test('a statement parses to its PostgreSQL parse tree', async () => {
  const parser = await loadPostgresqlParser();
  expect(parser.one('drop table t')).toMatchObject({ ast: { DropStmt: { removeType: 'OBJECT_TABLE' } }, base: 0 });
});

test('a statement the parser rejects is a result with the UTF-16 offset of the error, not an exception', async () => {
  const parser = await loadPostgresqlParser();
  expect(parser.one("select 'für 😀' frm t")).toEqual({ error: { message: 'syntax error at or near "t"', offset: 20 } });
});

test('many statements parse in one call to what each gives alone, with where each starts in the text the parser read', async () => {
  const parser = await loadPostgresqlParser();
  const statements = Array.from({ length: 150 }, (_, index) => `ALTER TABLE "tä${index}" ADD COLUMN c int DEFAULT ${index}`);
  const many = parser.all(statements);
  expect(many).toHaveLength(150);
  expect(new Set(many.map((parsed) => 'base' in parsed && parsed.base)).size).toBeGreaterThan(100);
  for (const [index, sql] of statements.entries()) {
    const parsed = many[index] as { ast: unknown; base: number };
    expect({ ast: shifted(parsed.ast, -parsed.base), base: 0 }).toEqual(parser.one(sql));
    const column = (parsed.ast as { AlterTableStmt: { cmds: Array<{ AlterTableCmd: { def: { ColumnDef: { location: number } } } }> } }).AlterTableStmt.cmds[0]!.AlterTableCmd.def.ColumnDef.location;
    expect(characterOffset(sql, column - parsed.base)).toBe(sql.indexOf('c int'));
  }
});

/** A copy of a tree with every `location` moved by `by`. */
function shifted(tree: unknown, by: number): unknown {
  if (Array.isArray(tree)) return tree.map((item) => shifted(item, by));
  if (typeof tree !== 'object' || tree === null) return tree;
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, key === 'location' && typeof value === 'number' ? value + by : shifted(value, by)]));
}

test('a chunk that does not parse whole is parsed statement by statement: each error is its own, trees count from 0', async () => {
  const parser = await loadPostgresqlParser();
  const statements = ['select 1', 'selec 2', 'select 3 -- a comment that would swallow the separator', 'select 4'];
  expect(parser.all(statements)).toEqual(statements.map((sql) => parser.one(sql)));
  expect(parser.all(statements)[1]).toMatchObject({ error: { message: 'syntax error at or near "selec"' } });
  expect(parser.all(['select 1 -- swallows', 'select 2'])).toEqual([parser.one('select 1 -- swallows'), parser.one('select 2')]);
});

test('characterOffset turns UTF-8 byte locations into UTF-16 offsets', () => {
  expect(characterOffset('select x', 7)).toBe(7);
  expect(characterOffset("select 'é', x", 13)).toBe(12);
  expect(characterOffset("select '😀', x", 15)).toBe(13);
});
