import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresqlParser, type PostgresqlParser } from '../../src/lint/parse-postgresql.js';
import { changeScope, type ChangeScope } from '../../src/schema/readers/postgresql-change-scope.js';

let parse: PostgresqlParser;
beforeAll(async () => {
  parse = await loadPostgresqlParser();
});

const names = (scope: ChangeScope | undefined) => (scope ? [...scope.relations.keys()].sort() : undefined);

describe('changeScope', () => {
  it('names every relation a confined statement mentions, qualified outside public', () => {
    expect(names(changeScope(['CREATE TABLE books (id int, author_id int REFERENCES authors (id), LIKE templates.book)'], parse))).toEqual(['authors', 'books', 'templates.book']);
    expect(names(changeScope(['WITH gone AS (DELETE FROM public.carts RETURNING id) INSERT INTO audit.removed SELECT id FROM gone'], parse))).toEqual(['audit.removed', 'carts', 'gone']);
    expect(names(changeScope(['DROP TABLE a, audit.b', 'DROP INDEX idx', 'COMMENT ON COLUMN audit.c.x IS NULL', 'TRUNCATE d'], parse))).toEqual(['a', 'audit.b', 'audit.c', 'd', 'idx']);
  });

  it('names both sides of a rename, and says a rename happened', () => {
    const scope = changeScope(['ALTER TABLE audit.events RENAME TO happenings'], parse);
    expect(names(scope)).toEqual(['audit.events', 'audit.happenings']);
    expect(scope?.renames).toBe(true);
    expect(changeScope(['ALTER TABLE t ADD COLUMN c int'], parse)?.renames).toBe(false);
  });

  it('says when a statement creates a view', () => {
    expect(changeScope(['CREATE VIEW v AS SELECT 1'], parse)?.createsView).toBe(true);
    expect(changeScope(['CREATE MATERIALIZED VIEW m AS SELECT 1'], parse)?.createsView).toBe(true);
    expect(changeScope(['CREATE TABLE t AS SELECT 1'], parse)?.createsView).toBe(false);
  });

  it("passes over sqlgen's guards and transaction control", () => {
    const guard = "DO $sqlgen$ BEGIN PERFORM pg_advisory_xact_lock(7); END $sqlgen$";
    expect(names(changeScope([guard, "SET client_encoding = 'UTF8'", 'BEGIN', 'COMMIT'], parse))).toEqual([]);
  });

  it('gives up on statements that may change what they do not name', () => {
    for (const statement of [
      'DO $$ BEGIN DELETE FROM t; END $$',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
      "CREATE TYPE mood AS ENUM ('ok')",
      'DROP TABLE t CASCADE',
      'ALTER TABLE t DROP COLUMN c CASCADE',
      'ALTER TABLE t SET SCHEMA audit',
      'CREATE SEQUENCE s',
      'ALTER SEQUENCE s RESTART',
      'DROP SCHEMA audit',
      'CALL p()',
      'COMMENT ON SCHEMA audit IS NULL',
      'not sql at all',
    ]) {
      expect(changeScope([statement], parse), statement).toBeUndefined();
    }
  });
});
