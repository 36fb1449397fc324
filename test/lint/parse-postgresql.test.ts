import { expect, test } from 'vitest';
import { characterOffset, loadPostgresqlParser } from '../../src/lint/parse-postgresql.js';

test('a statement parses to its PostgreSQL parse tree', async () => {
  const parse = await loadPostgresqlParser();
  expect(parse('drop table t')).toMatchObject({ ast: { DropStmt: { removeType: 'OBJECT_TABLE' } } });
});

test('a statement the parser rejects is a result with the UTF-16 offset of the error, not an exception', async () => {
  const parse = await loadPostgresqlParser();
  expect(parse("select 'für 😀' frm t")).toEqual({ error: { message: 'syntax error at or near "t"', offset: 20 } });
});

test('characterOffset turns UTF-8 byte locations into UTF-16 offsets', () => {
  expect(characterOffset('select x', 7)).toBe(7);
  expect(characterOffset("select 'é', x", 13)).toBe(12);
  expect(characterOffset("select '😀', x", 15)).toBe(13);
});
