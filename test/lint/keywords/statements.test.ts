import { describe, expect, test } from 'vitest';
import { createdTable, dataChange, dropStatement } from '../../../src/lint/keywords/statements.js';
import { tokenize, type KeywordDialectId } from '../../../src/lint/keywords/tokens.js';

function read<T>(reader: (tokens: ReturnType<typeof tokenize>['tokens'], sql: string) => T, sql: string, dialect: KeywordDialectId = 'mysql'): T {
  return reader(tokenize(sql, dialect).tokens, sql);
}

describe('keyword statement readers', () => {
  test('dropStatement: the object, TEMPORARY, and every name', () => {
    expect(read(dropStatement, 'DROP TEMPORARY TABLE IF EXISTS a, b.c')).toMatchObject({ object: 'TABLE', temporary: true, names: [{ parts: ['a'] }, { parts: ['b', 'c'] }] });
    expect(read(dropStatement, 'DROP FULLTEXT INDEX ON t', 'mssql')).toMatchObject({ object: 'FULLTEXT INDEX' });
    expect(read(dropStatement, 'DELETE FROM t')).toBeUndefined();
  });

  test('createdTable: the name after CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS]', () => {
    expect(read(createdTable, 'CREATE OR REPLACE TEMPORARY TABLE IF NOT EXISTS s.t (a int)')?.parts).toEqual(['s', 't']);
    expect(read(createdTable, 'CREATE INDEX i ON t (a)')).toBeUndefined();
  });

  test('dataChange: the table, WHERE and LIMIT/TOP at the top level', () => {
    expect(read(dataChange, 'UPDATE LOW_PRIORITY orders SET a = (SELECT 1 FROM u WHERE v)')).toMatchObject({ verb: 'UPDATE', table: { parts: ['orders'] }, filtered: false, limited: false });
    expect(read(dataChange, 'DELETE QUICK FROM orders WHERE id = 1')).toMatchObject({ verb: 'DELETE', filtered: true });
    expect(read(dataChange, 'UPDATE OR IGNORE orders SET a = 1 LIMIT 10', 'sqlite')).toMatchObject({ table: { parts: ['orders'] }, limited: true });
    expect(read(dataChange, 'DELETE TOP (100) PERCENT FROM dbo.orders', 'mssql')).toMatchObject({ table: { parts: ['dbo', 'orders'] }, limited: true });
    expect(read(dataChange, 'WITH x AS (SELECT 1) DELETE FROM orders')).toMatchObject({ verb: 'DELETE', verbIndex: 7 });
    expect(read(dataChange, 'SELECT 1')).toBeUndefined();
  });
});
