import { describe, expect, test } from 'vitest';
import { splitStatements } from '../../src/lint/split-statements.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';

function split(text: string, dialect: DialectId = 'postgresql') {
  return splitStatements(text, { file: 'm.sql', dialect }).statements.map((statement) => ({
    sql: statement.sql,
    at: `${statement.location.line}:${statement.location.column}`,
    inTransaction: statement.inTransaction,
    control: statement.transactionControl,
  }));
}

describe('splitStatements', () => {
  test('a ; inside a string, quoted identifier or comment does not split', () => {
    expect(split(`insert into t values ('a;b', E'c\\';d');\nselect "x;y" /* ; */ from t -- ;\n;`).map((s) => s.sql)).toEqual([
      `insert into t values ('a;b', E'c\\';d')`,
      'select "x;y" /* ; */ from t -- ;',
    ]);
  });

  test('positions are right after a multi-line string literal', () => {
    expect(split(`insert into t values ('one;\ntwo;\nthree');\n\n   drop table t;`).map((s) => s.at)).toEqual(['1:1', '5:4']);
  });

  test('positions are right after dollar-quoted DO and function bodies', () => {
    const script = [
      'DO $$',
      'BEGIN',
      "  RAISE NOTICE 'a;b';",
      'END $$;',
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$',
      'BEGIN RETURN 1; END;',
      '$body$;',
      '  alter table t drop column c;',
    ].join('\n');
    expect(split(script).map((s) => s.at)).toEqual(['1:1', '5:1', '8:3']);
  });

  test('leading comments are not part of a statement and do not move its position', () => {
    const statements = split('-- first; comment\n/* block\n ; */ \t create table t (a int);\n# not a comment in PostgreSQL;');
    expect(statements.map((s) => [s.sql, s.at])).toEqual([
      ['create table t (a int)', '3:9'],
      ['# not a comment in PostgreSQL', '4:1'],
    ]);
  });

  test('blank and comment-only parts are no statements; the last statement needs no ;', () => {
    expect(split(';;\n-- only a comment;\n select 1\n').map((s) => s.sql)).toEqual(['select 1']);
  });

  test('CRLF line breaks count as one', () => {
    expect(split("select 'a\r\nb';\r\nselect 2;").map((s) => s.at)).toEqual(['1:1', '3:1']);
  });

  test('an unclosed string runs to the end of the script instead of throwing', () => {
    expect(split("select 1; select 'oops; drop table t;").map((s) => s.sql)).toEqual(['select 1', "select 'oops; drop table t;"]);
  });

  test('statements between BEGIN and COMMIT are in a transaction; savepoint rollbacks end none', () => {
    const statements = split('create table a (x int); BEGIN; create table b (x int); ROLLBACK TO SAVEPOINT s; select 1; COMMIT; START TRANSACTION; select 2; END; select 3;');
    expect(statements.map((s) => [s.sql, s.inTransaction, s.control])).toEqual([
      ['create table a (x int)', false, undefined],
      ['BEGIN', false, 'begin'],
      ['create table b (x int)', true, undefined],
      ['ROLLBACK TO SAVEPOINT s', true, undefined],
      ['select 1', true, undefined],
      ['COMMIT', true, 'end'],
      ['START TRANSACTION', false, 'begin'],
      ['select 2', true, undefined],
      ['END', true, 'end'],
      ['select 3', false, undefined],
    ]);
  });

  test('SQL Server: GO lines end statements, and a bare BEGIN is a block, not a transaction', () => {
    const statements = split('BEGIN TRANSACTION;\ncreate table t (a int)\nGO\nselect 1;\nCOMMIT;\ngo\nBEGIN\nselect 2\nEND', 'mssql');
    expect(statements.map((s) => [s.sql, s.at, s.inTransaction])).toEqual([
      ['BEGIN TRANSACTION', '1:1', false],
      ['create table t (a int)', '2:1', true],
      ['select 1', '4:1', true],
      ['COMMIT', '5:1', true],
      ['BEGIN\nselect 2\nEND', '7:1', false],
    ]);
  });

  test('SQLite: a trigger body runs to its END, so the statements after it stay in the transaction', () => {
    const statements = split('BEGIN;\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND;\nVACUUM;\nCOMMIT;', 'sqlite');
    expect(statements.map((s) => [s.sql, s.at, s.inTransaction, s.control])).toEqual([
      ['BEGIN', '1:1', false, 'begin'],
      ['CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND', '2:1', true, undefined],
      ['VACUUM', '6:1', true, undefined],
      ['COMMIT', '7:1', true, 'end'],
    ]);
  });

  test('SQL Server: a procedure body runs to the end of its batch', () => {
    const statements = split('CREATE OR ALTER PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND\nGO\nselect 3;', 'mssql');
    expect(statements.map((s) => [s.sql, s.at])).toEqual([
      ['CREATE OR ALTER PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND', '1:1'],
      ['select 3', '7:1'],
    ]);
  });

  test('MySQL: # starts a comment, and a string after it keeps its position', () => {
    expect(split("# c;\nselect 'x;y';\n  select 2", 'mysql').map((s) => [s.sql, s.at])).toEqual([
      ["select 'x;y'", '2:1'],
      ['select 2', '3:3'],
    ]);
  });

  test('comments are returned with their offsets', () => {
    expect(splitStatements('select 1; -- a\n/* b */', { file: 'm.sql', dialect: 'postgresql' }).comments).toEqual([
      { text: '-- a', offset: 10 },
      { text: '/* b */', offset: 15 },
    ]);
  });
});
