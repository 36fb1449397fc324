import { describe, expect, test } from 'vitest';
import { findWord, insideParentheses, isExistingTableName, listItems, mainVerb, readName, readNames, skipWords, wordsAt } from '../../../src/lint/keywords/shape.js';
import { tokenize } from '../../../src/lint/keywords/tokens.js';
import type { LintContext } from '../../../src/lint/types.js';

const tokensOf = (sql: string) => tokenize(sql, 'mssql').tokens;

describe('statement shape helpers', () => {
  test('wordsAt and skipWords match words case-insensitively, at a position', () => {
    const tokens = tokensOf('drop table if exists t');
    expect(wordsAt(tokens, 0, 'DROP', 'TABLE')).toBe(true);
    expect(wordsAt(tokens, 1, 'DROP')).toBe(false);
    expect(skipWords(tokens, 2, 'IF', 'EXISTS')).toBe(4);
    expect(skipWords(tokens, 2, 'IF', 'NOT', 'EXISTS')).toBe(2);
  });

  test('findWord finds a word at the depth where the search starts', () => {
    const tokens = tokensOf('update t set a = (select b from u where c) where d');
    expect(tokens[findWord(tokens, 'WHERE')]?.offset).toBe(43);
    expect(findWord(tokensOf('update t set a = (select b from u where c)'), 'WHERE')).toBe(-1);
  });

  test('listItems splits at top-level commas; insideParentheses finds the matching )', () => {
    const tokens = tokensOf('create table t (a int, b numeric(10, 2), c int)');
    const inside = insideParentheses(tokens, 3);
    expect(inside).toEqual({ start: 4, end: tokens.length - 1 });
    expect(listItems(tokens, inside ?? { start: 0, end: 0 }).map((item) => tokens[item.start]?.text)).toEqual(['A', 'B', 'C']);
    expect(insideParentheses(tokens, 2)).toBeUndefined();
  });

  test('readName reads dotted names as written, quotes removed', () => {
    const sql = 'drop table [My Schema].Orders, dbo."x"';
    const tokens = tokensOf(sql);
    expect(readName(tokens, 2, sql)).toEqual({ parts: ['My Schema', 'Orders'], offset: 11, next: 5 });
    expect(readNames(tokens, 2, sql).map((name) => name.parts)).toEqual([['My Schema', 'Orders'], ['dbo', 'x']]);
    expect(readName(tokens, 5, sql)).toBeUndefined();
  });

  test('isExistingTableName: not created in the script, not a temporary table or table variable', () => {
    const context: LintContext = { postgresqlVersion: 15, createdTables: new Set(['scratch']), createdIndexes: new Set(), lockTimeout: false, statementTimeout: false };
    const name = (sql: string) => readName(tokensOf(sql), 0, sql);
    expect(isExistingTableName(name('dbo.Orders'), context)).toBe(true);
    expect(isExistingTableName(name('Scratch'), context)).toBe(false);
    expect(isExistingTableName(name('#orders'), context)).toBe(false);
    expect(isExistingTableName(name('@orders'), context)).toBe(false);
  });

  test('mainVerb skips a WITH clause', () => {
    const tokens = tokensOf('with old as (select id from t) delete from t where id in (select id from old)');
    expect(tokens[mainVerb(tokens)]?.text).toBe('DELETE');
    expect(mainVerb(tokensOf('delete from t'))).toBe(0);
  });
});
