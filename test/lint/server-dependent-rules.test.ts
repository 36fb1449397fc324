// The rules that follow lint.mysqlVersion and lint.sqlServerEdition, run with the server in the
// context as the engine gives it to them.
import { describe, expect, test } from 'vitest';
import { mysqlTarget, type SqlServerEdition } from '../../src/dialects/versions.js';
import { tokenize } from '../../src/lint/keywords/tokens.js';
import { RULES, type RuleId } from '../../src/lint/rules/index.js';
import { isStatementCheck, type LintContext, type LintStatement } from '../../src/lint/types.js';

const CONTEXT: LintContext = { postgresqlVersion: 15, createdTables: new Set(), createdIndexes: new Set(), lockTimeout: false, statementTimeout: false };

function messages(ruleId: RuleId, sql: string, target: string): string[] {
  return dialectMessages(ruleId, sql, 'mysql', { mysqlTarget: mysqlTarget(target) });
}

function dialectMessages(ruleId: RuleId, sql: string, dialect: 'mysql' | 'mssql', settings: Partial<LintContext>): string[] {
  const statement: LintStatement = { sql, dialect, location: { file: 'm.sql', line: 1, column: 1 }, inTransaction: false, ast: tokenize(sql, dialect).tokens };
  const check = RULES[ruleId].checks[dialect];
  if (!isStatementCheck(check)) throw new Error(`${ruleId} has no ${dialect} statement check`);
  return check(statement, { ...CONTEXT, ...settings }).map((report) => report.message);
}

describe('MySQL findings follow the configured server', () => {
  test('a copy blocks writes on MySQL and on MariaDB before 11.2; from 11.2 it lets them go on', () => {
    const sql = 'ALTER TABLE orders DROP PRIMARY KEY';
    expect(messages('ban-alter-algorithm-copy', sql, 'mysql-8.4')).toEqual([
      'DROP PRIMARY KEY copies the table with LOCK=SHARED by default on MySQL 8.4, blocking writes to orders until it is done.',
    ]);
    expect(messages('ban-alter-algorithm-copy', sql, 'mariadb-10.11')).toHaveLength(1);
    expect(messages('ban-alter-algorithm-copy', sql, 'mariadb-11.4')).toEqual([]);
  });

  test('a CHECK constraint is added by a copy on MariaDB; the MySQL manual does not say, so nothing is reported there', () => {
    const sql = 'ALTER TABLE orders ADD CONSTRAINT quantity_positive CHECK (quantity > 0)';
    expect(messages('ban-alter-algorithm-copy', sql, 'mariadb-10.11')).toEqual([
      'ADD CONSTRAINT quantity_positive CHECK (quantity > 0) copies the table with LOCK=SHARED by default on MariaDB 10.11, blocking writes to orders until it is done.',
    ]);
    expect(messages('ban-alter-algorithm-copy', sql, 'mysql-8.4')).toEqual([]);
  });

  test('a foreign key copies the table with a lock until MariaDB 11.2', () => {
    const sql = 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)';
    expect(messages('ban-add-foreign-key-with-checks', sql, 'mysql-8.0.36')).toEqual([
      'Adding foreign key orders_customer_fk to orders with foreign_key_checks on copies the table on MySQL 8.0.36 (ALGORITHM=COPY, LOCK=SHARED), blocking writes to it until the copy is done.',
    ]);
    expect(messages('ban-add-foreign-key-with-checks', sql, 'mariadb-10.11')).toHaveLength(1);
    expect(messages('ban-add-foreign-key-with-checks', sql, 'mariadb-11.4')).toEqual([]);
  });
});

describe('SQL Server findings follow the configured edition', () => {
  test('an offline index build is reported where ONLINE = ON is there to use: not on Standard', () => {
    const sql = 'CREATE INDEX ix_orders_ref ON dbo.orders (ref)';
    const on = (edition: SqlServerEdition) => dialectMessages('require-online-index-operation', sql, 'mssql', { sqlServerEdition: edition });
    expect(on('enterprise')).toEqual(['CREATE INDEX ix_orders_ref builds the index offline: a shared lock blocks writes to dbo.orders until it is built.']);
    expect(on('standard')).toEqual([]);
  });

  test('a NOT NULL column with a constant default writes every row on Standard; Enterprise keeps the default in the metadata', () => {
    const sql = 'ALTER TABLE orders ADD status int NOT NULL DEFAULT 0';
    const on = (edition: SqlServerEdition) => dialectMessages('ban-add-not-null-column-rewrite', sql, 'mssql', { sqlServerEdition: edition });
    expect(on('standard')).toEqual([
      'Adding orders.status NOT NULL with a default writes it into every row (on Standard edition), while a schema modification lock blocks all reads and writes of the table.',
    ]);
    expect(on('enterprise')).toEqual([]);
  });
});
