import { describe, expect, test } from 'vitest';
import { alterTable, tableOption } from '../../../src/lint/keywords/alter-table.js';
import { tokenize, type KeywordDialectId } from '../../../src/lint/keywords/tokens.js';

/** `verb object name` of each clause. */
function clauses(sql: string, dialect: KeywordDialectId): string[] {
  const { tokens } = tokenize(sql, dialect);
  return (alterTable(tokens, sql, dialect)?.clauses ?? []).map((clause) => [clause.verb, clause.object, tokens[clause.name]?.text ?? ''].join(' '));
}

describe('alterTable', () => {
  test('reads the table and classifies each clause', () => {
    const sql = 'ALTER TABLE `shop`.`orders` ADD COLUMN note text, DROP FOREIGN KEY orders_ibfk_1, DROP INDEX i, DROP c, MODIFY total int, ALGORITHM=INPLACE';
    const { tokens } = tokenize(sql, 'mysql');
    expect(alterTable(tokens, sql, 'mysql')?.table.parts).toEqual(['shop', 'orders']);
    expect(clauses(sql, 'mysql')).toEqual(['ADD COLUMN NOTE', 'DROP FOREIGN KEY ORDERS_IBFK_1', 'DROP INDEX I', 'DROP COLUMN C', 'MODIFY COLUMN TOTAL', 'ALGORITHM  =']);
  });

  test('IF [NOT] EXISTS is skipped before the name', () => {
    expect(clauses('ALTER TABLE t DROP COLUMN IF EXISTS a, ADD COLUMN IF NOT EXISTS b int', 'mysql')).toEqual(['DROP COLUMN A', 'ADD COLUMN B']);
  });

  test('SQL Server: a bare DROP drops a constraint, and list items continue the verb', () => {
    expect(clauses('ALTER TABLE t DROP fk_a, COLUMN b, c', 'mssql')).toEqual(['DROP CONSTRAINT FK_A', 'DROP COLUMN B', 'DROP COLUMN C']);
    expect(clauses('ALTER TABLE t ADD a int, CONSTRAINT k UNIQUE (a)', 'mssql')).toEqual(['ADD COLUMN A', 'ADD CONSTRAINT K']);
  });

  test('MySQL does not continue verbs: a table option after DROP is no column', () => {
    expect(clauses('ALTER TABLE t DROP a, ENGINE=InnoDB', 'mysql')).toEqual(['DROP COLUMN A', 'ENGINE  =']);
  });

  test('other statements are no ALTER TABLE', () => {
    const sql = 'ALTER INDEX i RENAME TO j';
    expect(alterTable(tokenize(sql, 'mysql').tokens, sql, 'mysql')).toBeUndefined();
  });
});

describe('tableOption', () => {
  test('reads name [=] value at the top level', () => {
    const { tokens } = tokenize('ALTER TABLE t ADD c int, ALGORITHM = copy, LOCK SHARED', 'mysql');
    expect(tableOption(tokens, 'ALGORITHM')).toEqual({ value: 'COPY', offset: 25 });
    expect(tableOption(tokens, 'LOCK')?.value).toBe('SHARED');
    expect(tableOption(tokens, 'ENGINE')).toBeUndefined();
  });
});
