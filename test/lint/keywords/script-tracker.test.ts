import { describe, expect, test } from 'vitest';
import { KeywordScriptTracker, keywordForeignKeys } from '../../../src/lint/keywords/script-tracker.js';
import { parseKeywordStatement, type KeywordDialectId } from '../../../src/lint/keywords/tokens.js';
import { splitStatements, type SplitStatement } from '../../../src/lint/split-statements.js';

function statements(sql: string, dialect: KeywordDialectId): SplitStatement[] {
  return splitStatements(sql, { file: 'm.sql', dialect }).statements.map((statement) => {
    const parsed = parseKeywordStatement(statement.sql, dialect);
    return 'ast' in parsed ? { ...statement, ast: parsed.ast } : statement;
  });
}

function follow(sql: string, dialect: KeywordDialectId): KeywordScriptTracker {
  const tracker = new KeywordScriptTracker(dialect);
  for (const statement of statements(sql, dialect)) tracker.observe(statement);
  return tracker;
}

describe('KeywordScriptTracker', () => {
  test('records created tables and their indexes by lower-cased name, and follows renames of created tables', () => {
    const tracker = follow('CREATE TABLE `Shop`.`Orders` (a int);\nCREATE UNIQUE INDEX Orders_A ON Orders (a);\nCREATE INDEX customers_a USING BTREE ON customers (a);\nRENAME TABLE orders TO purchases, other TO x;', 'mysql');
    expect([...tracker.context.createdTables]).toEqual(['orders', 'purchases']);
    expect([...tracker.context.createdIndexes]).toEqual(['orders_a']);
    expect(tracker.context).toMatchObject({ lockTimeout: false, statementTimeout: false });
  });

  test('records the tables copied into a created table; the copy renamed is the old table again', () => {
    const rebuild = 'CREATE TABLE new_orders (id, note);\nINSERT INTO new_orders (id, note) SELECT id, note FROM Orders WHERE id > 0;\nDROP TABLE orders;\nALTER TABLE new_orders RENAME TO orders;';
    expect([...(follow(rebuild.split('\n').slice(0, 2).join('\n'), 'sqlite').context.copiedTables ?? [])]).toEqual(['orders']);
    const tracker = follow(`${rebuild}\nINSERT INTO audit SELECT * FROM customers;`, 'sqlite');
    expect([...(tracker.context.copiedTables ?? [])]).toEqual([]);
    expect([...tracker.context.createdTables]).toEqual(['new_orders']);
  });

  test('SQL Server temporary tables and sp_rename of created tables', () => {
    const tracker = follow("CREATE TABLE #work (a int)\nGO\nCREATE TABLE dbo.t (a int);\nEXEC sp_rename 'dbo.t', 'u';", 'mssql');
    expect([...tracker.context.createdTables]).toEqual(['#work', 't', 'u']);
  });
});

describe('keywordForeignKeys', () => {
  test('named foreign keys of CREATE TABLE and ALTER TABLE, table and column forms', () => {
    const found = statements(
      'CREATE TABLE t (a int CONSTRAINT fk_a REFERENCES p (id), b int, CONSTRAINT FK_B FOREIGN KEY (b) REFERENCES p (id), CONSTRAINT u UNIQUE (a));\nALTER TABLE t WITH CHECK ADD CONSTRAINT fk_c FOREIGN KEY (a) REFERENCES p (id);\nSELECT 1;',
      'mssql',
    ).map(keywordForeignKeys);
    expect(found).toEqual([['fk_a', 'fk_b'], ['fk_c'], []]);
  });
});
