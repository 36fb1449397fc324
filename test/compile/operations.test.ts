import { describe, expect, it } from 'vitest';
import { recordOperations } from '../../src/compile/operations.js';
import { renderStatement } from '../../src/compile/render-script.js';
import { isTableRebuild } from '../../src/compile/shadow-tracker.js';
import { freshPglite } from '../helpers/pglite.js';
import { dialectFor } from '../../src/dialects/index.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';
import type { Operations } from '../../src/revisions/types.js';
import { CompileError, SqlgenError } from '../../src/errors.js';

/** The SQL a body of op calls renders to, literals inlined, unformatted. */
function sqlOf(dialectId: DialectId, body: (op: Operations) => void): string[] {
  const dialect = dialectFor(dialectId);
  const { operations, steps } = recordOperations(dialect);
  body(operations);
  return steps.map((step) => {
    if (!isTableRebuild(step)) return renderStatement(step, { dialect });
    return step.inPlace ? `rebuild ${step.table} unless SQLite runs ${step.inPlace.map((statement) => renderStatement(statement, { dialect })).join(' ')}` : `rebuild ${step.table}`;
  });
}

function compileError(dialectId: DialectId, body: (op: Operations) => void): CompileError {
  try {
    sqlOf(dialectId, body);
  } catch (error) {
    expect(error).toBeInstanceOf(SqlgenError);
    return error as CompileError;
  }
  throw new Error('expected a compile error');
}

describe('DDL text knex pastes unescaped', () => {
  const injection = "x'; DROP TABLE victim; --";

  it.each(['postgresql', 'mysql'] as const)('%s: a table comment with a quote stays one statement and reads back exactly', (dialect) => {
    const sql = sqlOf(dialect, (op) => op.createTable('t', (t) => {
      t.increments('id');
      t.comment(injection);
    }));
    expect(sql.join('\n')).toContain("x''; DROP TABLE victim; --");
  });

  it('postgresql: the escaped comment runs on a real engine, the victim survives and the comment is exact', async () => {
    const db = await freshPglite();
    await db.exec('CREATE TABLE victim (id int)');
    const sql = sqlOf('postgresql', (op) => op.createTable('t', (t) => {
      t.increments('id');
      t.string('kind').comment("the customer's kind");
      t.comment(injection);
    }));
    for (const statement of sql) await db.exec(statement);
    expect((await db.query("SELECT obj_description('t'::regclass) AS comment")).rows).toEqual([{ comment: injection }]);
    expect((await db.query("SELECT col_description('t'::regclass, 2) AS comment")).rows).toEqual([{ comment: "the customer's kind" }]);
    expect((await db.query("SELECT to_regclass('victim') IS NOT NULL AS present")).rows).toEqual([{ present: true }]);
  });

  it('postgresql: enum values with quotes make a working check constraint', async () => {
    const db = await freshPglite();
    for (const statement of sqlOf('postgresql', (op) => op.createTable('t', (t) => t.enu('kind', ["it's", 'plain'])))) await db.exec(statement);
    await db.exec("INSERT INTO t (kind) VALUES ('it''s')");
    await expect(db.exec("INSERT INTO t (kind) VALUES ('other')")).rejects.toThrow(/check constraint/);
  });

  it.each(['postgresql', 'mysql', 'sqlite'] as const)('%s: refuses a backslash in an enum value or comment', (dialect) => {
    expect(compileError(dialect, (op) => op.createTable('t', (t) => t.enu('kind', ['a\\b']))).message).toMatch(/enum value of column kind contains a backslash/);
    expect(compileError(dialect, (op) => op.createTable('t', (t) => t.comment('a\\b'))).message).toMatch(/table comment contains a backslash/);
  });

  it('mysql: doubles a quote in a column comment (knex escapes it with a backslash, which NO_BACKSLASH_ESCAPES breaks)', () => {
    const [createTable] = sqlOf('mysql', (op) => op.createTable('t', (t) => t.string('a').comment(injection)));
    expect(createTable).toBe("create table `t` (`a` varchar(255) comment 'x''; DROP TABLE victim; --');");
  });
});

describe('column defaults', () => {
  it('renders a Date default in UTC, whatever the machine time zone', () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
    expect(sqlOf('postgresql', (op) => op.createTable('t', (t) => t.timestamp('at').defaultTo(at as never)))[0]).toContain("default '2024-01-02 03:04:05.006+00'");
  });

  it('mysql: a default with a backslash is safe in every sql_mode', () => {
    const [sql] = sqlOf('mysql', (op) => op.createTable('t', (t) => t.string('a').defaultTo('a\\b')));
    expect(sql).toContain("default _utf8mb4 X'615c62'");
  });

  it('a JSON object default is JSON text with its quotes escaped', () => {
    const [sql] = sqlOf('postgresql', (op) => op.createTable('t', (t) => t.jsonb('a').defaultTo({ it: "it's" } as never)));
    expect(sql).toContain(`default '{"it":"it''s"}'`);
  });
});

describe('operations that need a live database', () => {
  it.each([
    ['mysql', (op: Operations) => op.alterTable('t', (t) => t.setNullable('a'))],
    ['mssql', (op: Operations) => op.alterTable('t', (t) => t.dropNullable('a'))],
  ] as const)('%s: %s is refused, naming the operation, never a placeholder', (dialect, body) => {
    const error = compileError(dialect, body);
    expect(error.code).toBe('NEEDS_LIVE_DATABASE');
    expect(error.message).toMatch(/^alterTable t: on \w+, knex builds this from the live table definition/);
  });

  it.each([
    ['a column change', (op: Operations) => op.alterTable('t', (t) => t.string('a', 10).alter())],
    ['a foreign key', (op: Operations) => op.alterTable('t', (t) => t.foreign('a').references('id').inTable('u'))],
    ['NOT NULL', (op: Operations) => op.alterTable('t', (t) => t.dropNullable('a'))],
  ] as const)('sqlite: %s is recorded as a table rebuild, in its place among the statements', (_, body) => {
    expect(sqlOf('sqlite', (op) => {
      op.execute('SELECT 1');
      body(op);
      op.execute('SELECT 2');
    })).toEqual(['SELECT 1;', 'rebuild t', 'SELECT 2;']);
  });

  it('mysql: renameColumn becomes RENAME COLUMN (MySQL 8, MariaDB 10.5+)', () => {
    expect(sqlOf('mysql', (op) => op.alterTable('t', (t) => t.renameColumn('a', 'b')))).toEqual(['ALTER TABLE `t` RENAME COLUMN `a` TO `b`;']);
  });

  it('sqlite: dropColumn becomes DROP COLUMN (SQLite 3.35+), or a rebuild where the shadow refuses it, before the rest of the alteration', () => {
    expect(sqlOf('sqlite', (op) => op.alterTable('t', (t) => {
      t.integer('c');
      t.dropColumn('a');
    }))).toEqual(['rebuild t unless SQLite runs ALTER TABLE "t" DROP COLUMN "a";', 'rebuild t unless SQLite runs alter table `t` add column `c` integer;']);
  });

  it('sqlite: dropColumn of several columns drops each one (knex takes an array or several arguments)', () => {
    const expected = ['rebuild t unless SQLite runs ALTER TABLE "t" DROP COLUMN "foo"; ALTER TABLE "t" DROP COLUMN "bar";'];
    expect(sqlOf('sqlite', (op) => op.alterTable('t', (t) => t.dropColumn(['foo', 'bar'] as never)))).toEqual(expected);
    expect(sqlOf('sqlite', (op) => op.alterTable('t', (t) => t.dropColumns('foo', 'bar')))).toEqual(expected);
  });
});

describe('data statements and raw SQL', () => {
  it('raw SQL keeps ?, ?? and :name as written', () => {
    expect(sqlOf('postgresql', (op) => op.execute("SELECT '?' AS a, ?? , :name"))).toEqual(["SELECT '?' AS a, ?? , :name;"]);
  });

  it('insert, update and delete inline their values', () => {
    expect(sqlOf('postgresql', (op) => {
      op.insert('t', [{ a: 1, b: "x'y" }, { a: 2, b: null }]);
      op.update('t', { b: 'z' }, { a: 1 });
      op.delete('t', { b: null });
      op.insert('t', []);
    })).toEqual([
      `insert into "t" ("a", "b") values (1, 'x''y'), (2, NULL);`,
      `update "t" set "b" = 'z' where "a" = 1;`,
      `delete from "t" where "b" is null;`,
    ]);
  });

  it('mssql: no result query is left after an update or delete', () => {
    const sql = sqlOf('mssql', (op) => {
      op.update('t', { b: 'z' }, { a: 1 });
      op.delete('t', { a: 2 });
    });
    expect(sql).toEqual([`update [t] set [b] = N'z' where [a] = 1;`, 'delete from [t] where [a] = 2;']);
  });

  it('refuses a value with no literal form, naming it', () => {
    expect(() => sqlOf('mysql', (op) => op.insert('t', { a: Number.NaN }))).toThrow(/NaN/);
  });

  it('marks statements inside outsideTransaction() as non-transactional', () => {
    const { operations, steps } = recordOperations(dialectFor('postgresql'));
    operations.execute('SELECT 1');
    operations.outsideTransaction(() => operations.execute('CREATE INDEX CONCURRENTLY i ON t (a)'));
    operations.execute('SELECT 2');
    expect(steps.map((step) => step.transactional)).toEqual([true, false, true]);
  });
});

type AlterViewBuilder = { column(name: string): { rename(to: string): void } };

describe('builder callbacks written with this, as knex documents them', () => {
  // knex calls each callback with the builder as `this` and as its argument.
  it.each(['postgresql', 'mysql', 'sqlite', 'mssql'] as const)('%s: every op that takes a table builder', (dialect) => {
    const withThis = sqlOf(dialect, (op) => {
      op.createTable('a', function () { this.increments('id'); });
      op.createTableIfNotExists('b', function () { this.string('x'); });
      op.createTableLike('c', 'a', function () { this.string('y'); });
      op.alterTable('a', function () { this.string('x'); });
      op.withSchema('s').alterTable('a', function () { this.string('z'); });
    });
    const withArgument = sqlOf(dialect, (op) => {
      op.createTable('a', (t) => { t.increments('id'); });
      op.createTableIfNotExists('b', (t) => { t.string('x'); });
      op.createTableLike('c', 'a', (t) => { t.string('y'); });
      op.alterTable('a', (t) => { t.string('x'); });
      op.withSchema('s').alterTable('a', (t) => { t.string('z'); });
    });
    expect(withThis).toEqual(withArgument);
  });

  it('postgresql: every op that takes a view builder', () => {
    const sql = sqlOf('postgresql', (op) => {
      op.createView('v', function () { this.columns(['id']); this.as(op.query('a').select('id')); });
      op.createViewOrReplace('v', function () { this.as(op.query('a').select('id')); });
      op.createMaterializedView('m', function () { this.as(op.query('a').select('id')); });
      // knex adds column() to the builder of alterView only, and its types do not say so.
      op.alterView('v', function () { (this as unknown as AlterViewBuilder).column('id').rename('key'); });
    });
    expect(sql).toEqual([
      'create view "v" ("id") as select "id" from "a";',
      'create or replace view "v" as select "id" from "a";',
      'create materialized view "m" as select "id" from "a";',
      'alter view "v" rename "id" to "key";',
    ]);
  });
});
