import { describe, expect, test } from 'vitest';
import { renamedColumns, renamedTables } from '../../../src/lint/keywords/renames.js';
import { spRename } from '../../../src/lint/keywords/sp-rename.js';
import { tokenize, type KeywordDialectId } from '../../../src/lint/keywords/tokens.js';

function tables(sql: string, dialect: KeywordDialectId): string[] {
  return renamedTables(tokenize(sql, dialect).tokens, sql, dialect).map((rename) => `${rename.table.parts.join('.')} -> ${rename.newName}`);
}

function columns(sql: string, dialect: KeywordDialectId): string[] {
  return renamedColumns(tokenize(sql, dialect).tokens, sql, dialect).map((rename) => `${rename.table.parts.join('.')}.${rename.column} -> ${rename.newName} @${rename.offset}`);
}

describe('renamedTables', () => {
  test('MySQL: RENAME TABLE lists and ALTER TABLE ... RENAME [TO|AS]', () => {
    expect(tables('RENAME TABLE a TO b, s.c TO s.d', 'mysql')).toEqual(['a -> b', 's.c -> s.d']);
    expect(tables('ALTER TABLE a RENAME AS b', 'mysql')).toEqual(['a -> b']);
    expect(tables('ALTER TABLE a RENAME b', 'mysql')).toEqual(['a -> b']);
    expect(tables('ALTER TABLE a RENAME COLUMN x TO y', 'mysql')).toEqual([]);
    expect(tables('ALTER TABLE a RENAME INDEX x TO y', 'mysql')).toEqual([]);
  });

  test('SQLite: RENAME TO renames the table, RENAME x TO y a column', () => {
    expect(tables('ALTER TABLE a RENAME TO b', 'sqlite')).toEqual(['a -> b']);
    expect(tables('ALTER TABLE a RENAME x TO y', 'sqlite')).toEqual([]);
  });

  test('SQL Server: sp_rename without a type, or OBJECT', () => {
    expect(tables("EXEC sp_rename 'dbo.orders', 'purchases'", 'mssql')).toEqual(['dbo.orders -> purchases']);
    expect(tables("EXEC sys.sp_rename @objname = N'orders', @newname = N'purchases', @objtype = 'OBJECT'", 'mssql')).toEqual(['orders -> purchases']);
    expect(tables("EXEC sp_rename 'orders.ix_a', 'ix_b', 'INDEX'", 'mssql')).toEqual([]);
  });
});

describe('renamedColumns', () => {
  test('MySQL: RENAME COLUMN, and CHANGE with a new name', () => {
    expect(columns('ALTER TABLE t RENAME COLUMN a TO b', 'mysql')).toEqual(['t.a -> b @28']);
    expect(columns('ALTER TABLE t CHANGE COLUMN a b int, CHANGE c C int', 'mysql')).toEqual(['t.a -> b @28']);
  });

  test('SQLite: RENAME [COLUMN] a TO b', () => {
    expect(columns('ALTER TABLE t RENAME a TO b', 'sqlite')).toEqual(['t.a -> b @21']);
    expect(columns('ALTER TABLE t RENAME TO u', 'sqlite')).toEqual([]);
  });

  test("SQL Server: sp_rename 'table.column', 'new', 'COLUMN'", () => {
    expect(columns("EXEC sp_rename '[dbo].[orders].[note]', 'memo', 'COLUMN'", 'mssql')).toEqual(['dbo.orders.note -> memo @15']);
  });
});

describe('spRename', () => {
  test('reads positional and named arguments; other procedures are not renames', () => {
    const read = (sql: string) => spRename(tokenize(sql, 'mssql').tokens, sql);
    expect(read("EXECUTE sp_rename @newname = 'b', @objname = 'a'")).toEqual({ object: { parts: ['a'], offset: 45, next: -1 }, newName: 'b', objectType: '' });
    expect(read('EXEC sp_rename orders, Purchases')).toMatchObject({ object: { parts: ['orders'] }, newName: 'Purchases' });
    expect(read("EXEC sp_help 'orders'")).toBeUndefined();
  });
});
