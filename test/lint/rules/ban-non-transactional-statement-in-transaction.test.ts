import { expect, test } from 'vitest';
import { describeRule, ruleIdsFor } from './rule-cases.js';

const inTransaction = (sql: string, begin = 'BEGIN;', commit = 'COMMIT;'): string => `${begin}\n${sql}\n${commit}`;

describeRule('ban-non-transactional-statement-in-transaction', {
  postgresql: {
    bad: [
      'VACUUM orders;',
      'DROP INDEX CONCURRENTLY orders_note;',
      'REINDEX TABLE CONCURRENTLY orders;',
      'REINDEX DATABASE shop;',
      'CREATE DATABASE shop;',
      "ALTER SYSTEM SET work_mem = '64MB';",
      'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
      "CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p;",
    ].map((sql) => inTransaction(sql)),
    good: [
      'VACUUM orders;',
      ...[
        'ANALYZE orders;',
        'REINDEX TABLE orders;',
        'REFRESH MATERIALIZED VIEW CONCURRENTLY totals;',
        "CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (create_slot = false);",
      ].map((sql) => inTransaction(sql)),
    ],
  },
  sqlite: {
    bad: ['VACUUM;', 'PRAGMA foreign_keys = OFF;', 'PRAGMA main.journal_mode = WAL;', "VACUUM INTO 'backup.db';"].map((sql) => inTransaction(sql)),
    good: ['VACUUM;', 'PRAGMA foreign_keys = OFF;\nBEGIN;\nCOMMIT;', inTransaction('PRAGMA foreign_keys;'), inTransaction("ATTACH 'other.db' AS other;")],
  },
  mssql: {
    bad: [
      inTransaction('ALTER DATABASE shop SET READ_COMMITTED_SNAPSHOT ON;', 'BEGIN TRANSACTION;'),
      inTransaction("BACKUP DATABASE shop TO DISK = 'shop.bak';", 'BEGIN TRAN;'),
      inTransaction('CREATE FULLTEXT INDEX ON dbo.docs (body) KEY INDEX pk_docs;', 'BEGIN TRANSACTION;'),
      inTransaction("EXEC sp_fulltext_database 'enable';", 'BEGIN TRANSACTION;'),
    ],
    good: ['ALTER DATABASE shop SET READ_COMMITTED_SNAPSHOT ON;', 'BEGIN\nRECONFIGURE\nEND', inTransaction('CREATE INDEX ix_note ON dbo.orders (note);', 'BEGIN TRANSACTION;')],
  },
});

test('CREATE INDEX CONCURRENTLY in a transaction is left to ban-concurrent-index-creation-in-transaction', async () => {
  const ids = await ruleIdsFor(inTransaction('CREATE INDEX CONCURRENTLY orders_note ON orders (note);'));
  expect(ids).toContain('ban-concurrent-index-creation-in-transaction');
  expect(ids).not.toContain('ban-non-transactional-statement-in-transaction');
});
