import { formatDialect, postgresql as postgresqlLanguage } from 'sql-formatter';
import { describe, expect, it } from 'vitest';
import { statementFormatter } from '../../src/compile/format-statement.js';
import { renderScript } from '../../src/compile/render-script.js';
import type { Statement } from '../../src/compile/statement.js';
import { dialectFor } from '../../src/dialects/index.js';
import { renderFor } from '../helpers/render.js';

const statement = (sql: string, kind: Statement['kind'], transactional = true): Statement => ({ sql, literals: [], origin: 'raw', kind, transactional, operation: 'test' });
const plan = (statements: Statement[]) => ({ title: 't', setup: [], sections: [{ heading: 'Running upgrade <base> -> aaaa0001: x', guard: [], statements, bookkeeping: [] }] });
const body = (script: string) => script.split('\n').filter((line) => line !== '' && !line.startsWith('--') && !line.startsWith('SET '));

describe('renderScript transactions', () => {
  it('commits, runs a non-transactional statement, and begins again', () => {
    const script = renderScript(plan([statement('CREATE TABLE a ()', 'schema'), statement('CREATE INDEX CONCURRENTLY i ON a (x)', 'schema', false), statement('INSERT INTO a DEFAULT VALUES', 'data')]), { dialect: dialectFor('postgresql'), transactionPerRevision: true, guards: false });
    expect(body(script)).toEqual(['BEGIN;', 'CREATE TABLE a ();', 'COMMIT;', 'CREATE INDEX CONCURRENTLY i ON a (x);', 'BEGIN;', 'INSERT INTO a DEFAULT VALUES;', 'COMMIT;']);
  });

  it('mysql: DDL runs outside transactions, data inside, and the header says why', () => {
    const script = renderScript(plan([statement('CREATE TABLE a (x int)', 'schema'), statement('INSERT INTO a VALUES (1)', 'data'), statement('UPDATE v SET n = 1', 'data')]), { dialect: dialectFor('mysql'), transactionPerRevision: true, guards: false });
    expect(script).toContain('commit DDL implicitly');
    expect(body(script)).toEqual(['CREATE TABLE a (x int);', 'START TRANSACTION;', 'INSERT INTO a VALUES (1);', 'UPDATE v SET n = 1;', 'COMMIT;']);
  });

  it('mssql: BEGIN TRANSACTION, and GO after it, every statement and commit, so each statement starts a batch', () => {
    const script = renderScript(plan([statement('CREATE TABLE a (x int)', 'schema'), statement('INSERT INTO a VALUES (1)', 'data')]), { dialect: dialectFor('mssql'), transactionPerRevision: true, guards: false });
    expect(body(script)).toEqual(['GO', 'BEGIN TRANSACTION;', 'GO', 'CREATE TABLE a (x int);', 'GO', 'INSERT INTO a VALUES (1);', 'GO', 'COMMIT;', 'GO']);
  });

  it('keeps a raw statement whose last line is a comment terminated', () => {
    const script = renderScript(plan([statement('SELECT 1 -- trailing note', 'schema')]), { dialect: dialectFor('sqlite'), transactionPerRevision: true, guards: false });
    expect(body(script)).toEqual(['BEGIN IMMEDIATE;', 'SELECT 1 -- trailing note', ';', 'COMMIT;']);
  });

  it('one transaction for the whole range when asked', async () => {
    const script = await renderFor('postgresql', { command: 'upgrade', range: 'base:heads', singleTransaction: true });
    expect(script.match(/^BEGIN;$/gm)).toHaveLength(1);
    expect(script.match(/^COMMIT;$/gm)).toHaveLength(1);
  });
});

describe('statementFormatter', () => {
  it('gives exactly what sql-formatter gives for each statement, with the shape cache', () => {
    const format = statementFormatter(dialectFor('postgresql'), { keywordCase: 'upper', tabWidth: 2 });
    const options = { dialect: postgresqlLanguage, keywordCase: 'upper' as const, tabWidth: 2, paramTypes: { positional: true } };
    const statements = [
      'create table "a" ("id" serial primary key, "label" varchar(100) not null)',
      'create table "b" ("id" serial primary key, "label" varchar(100) not null)',
      'create table "much_longer_table_name_here" ("identifier_of_some_length" serial primary key, "label" varchar(100) not null)',
      'insert into "a" ("x", "y") values (?, ?), (?, ?)',
      'insert into "b" ("x", "y") values (?, ?), (?, ?)',
      `alter table "a" add column "q" text default E'it''s \\\\ "quoted"'`,
    ];
    for (const sql of statements) expect(format(sql)).toBe(formatDialect(sql, options));
  });

  it('keeps a statement sql-formatter cannot parse as knex wrote it', () => {
    const format = statementFormatter(dialectFor('mssql'), { keywordCase: 'upper', tabWidth: 2 });
    const unparsable = 'select count(*) from ((([t]';
    expect(format(unparsable)).toBe(unparsable);
  });
});
