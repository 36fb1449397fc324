import { describe, expect, it } from 'vitest';
import { recordOperations } from '../../src/compile/operations.js';
import { renderStatement } from '../../src/compile/render-script.js';
import { isTableRebuild } from '../../src/compile/shadow-tracker.js';
import { dialectFor } from '../../src/dialects/index.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';
import { SqlgenError } from '../../src/errors.js';
import { lintScript } from '../../src/lint/engine.js';
import type { Operations } from '../../src/revisions/types.js';
import { freshPglite, runPsqlScript } from '../helpers/pglite.js';

function sqlOf(dialectId: DialectId, body: (op: Operations) => void): string[] {
  const dialect = dialectFor(dialectId);
  const { operations, steps } = recordOperations(dialect);
  body(operations);
  return steps.map((step) => (isTableRebuild(step) ? `rebuild ${step.table}` : renderStatement(step, { dialect })));
}

describe('operations knex has and sqlgen lacked, on PostgreSQL (PGlite)', () => {
  it('schema-qualified names: dropIndex, enum types, views and renames stay in the schema', async () => {
    const sql = sqlOf('postgresql', (op) => {
      op.createSchema('myschema');
      op.createTable('myschema.users', (t) => {
        t.increments('id');
        t.string('foo').index();
        t.enu('kind', ['a', "b'c"], { useNative: true, enumName: 'user_kind' });
      });
      op.alterTable('myschema.users', (t) => t.dropIndex('foo'));
      op.withSchema('myschema').createView('user_ids', op.query('users').withSchema('myschema').select('id'));
      op.renameView('myschema.user_ids', 'user_keys');
      op.withSchema('myschema').createTableLike('users_copy', 'users');
    });
    expect(sql).toContain('drop index "myschema"."users_foo_index";');
    expect(sql).toContain('create type "myschema"."user_kind" as enum (\'a\', \'b\'\'c\');');
    const db = await freshPglite();
    await runPsqlScript(db, sql.join('\n'));
    const objects = await db.query<{ name: string }>("SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'myschema' ORDER BY 1");
    expect(objects.rows.map((row) => row.name).sort()).toEqual(['user_keys', 'users', 'users_copy', 'users_copy_pkey', 'users_id_seq', 'users_pkey']);
    const type = await db.query<{ schema: string }>("SELECT n.nspname AS schema FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'user_kind'");
    expect(type.rows).toEqual([{ schema: 'myschema' }]);
  });

  it('op.raw inlines ?, ?? and :name bindings in defaults, checks, views and op.execute; materialized views refresh; extensions', async () => {
    const db = await freshPglite();
    const sql = sqlOf('postgresql', (op) => {
      op.createTable('notes', (t) => {
        t.integer('amount').defaultTo(op.raw('? * 2', [21]));
        t.string('label').defaultTo(op.raw(':text', { text: "it's" }));
        t.check('?? >= ?', ['amount', 0], 'notes_amount_positive');
      });
      op.execute(op.raw('insert into ?? (??) values (?)', ['notes', 'label', "o'clock"]));
      op.createViewOrReplace('small', op.raw('select * from ?? where ?? < ?', ['notes', 'amount', 100]));
      op.createMaterializedView('note_count', (view) => view.as(op.query('notes').count('* as n')));
      op.refreshMaterializedView('note_count');
      // PGlite ships plpgsql only; the server test creates pgcrypto.
      op.createExtensionIfNotExists('plpgsql');
    });
    await runPsqlScript(db, sql.join('\n'));
    expect((await db.query('SELECT amount, label FROM notes')).rows).toEqual([{ amount: 42, label: "o'clock" }]);
    expect((await db.query('SELECT n FROM note_count')).rows).toEqual([{ n: 1n }].map(({ n }) => ({ n: Number(n) })));
    await expect(db.exec('INSERT INTO notes (amount) VALUES (-1)')).rejects.toThrow(/notes_amount_positive/);
  });

  it('a view with a column list and a check option', async () => {
    const db = await freshPglite();
    const sql = sqlOf('postgresql', (op) => {
      op.createTable('users', (t) => { t.string('name'); t.integer('age'); });
      op.createView('adults', function () {
        this.columns(['name', 'age']);
        this.as(op.query('users').select('name', 'age').where('age', '>=', 18));
        this.localCheckOption();
      });
    });
    await runPsqlScript(db, sql.join('\n'));
    await expect(db.exec("INSERT INTO adults VALUES ('kid', 3)")).rejects.toThrow(/check option/);
  });

  it('extensions are refused off PostgreSQL, with a reason', () => {
    expect(() => sqlOf('mysql', (op) => op.createExtension('pgcrypto'))).toThrow(/mysql has no extensions/);
  });
});

describe('setNullable and dropNullable where knex would read the live table', () => {
  it.each(['mysql', 'mssql'] as const)('%s: the hinted rewrite renders and passes lint', async (dialect) => {
    let hint = '';
    try {
      sqlOf(dialect, (op) => op.alterTable('t', (t) => t.setNullable('a')));
    } catch (error) {
      hint = (error as SqlgenError).hint;
    }
    const statement = /op\.execute\('(.*)'\)/.exec(hint)?.[1]?.replace('<its type>', dialect === 'mysql' ? 'varchar(320)' : 'nvarchar(320)');
    expect(statement).toBeDefined();
    const findings = await lintScript(`${statement};`, { file: 'hint.sql', dialect });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
