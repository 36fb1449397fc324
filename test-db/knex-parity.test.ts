import { describe, expect, it } from 'vitest';
import { recordOperations } from '../src/compile/operations.js';
import { renderStatement } from '../src/compile/render-script.js';
import { isTableRebuild } from '../src/compile/shadow-tracker.js';
import { dialectFor } from '../src/dialects/index.js';
import type { DialectId } from '../src/dialects/dialect-id.js';
import type { Operations } from '../src/revisions/types.js';
import { renderFor } from '../test/helpers/render.js';
import { tempProject } from '../test/helpers/temp-project.js';
import { matchesKnex, sqlgenOutcome } from '../test/knex-parity/compare.js';
import { KNOWN_DIFFERENCES } from '../test/knex-parity/known-differences.js';
import { MYSQL_CASES } from '../test/knex-parity/cases/mysql.js';
import { POSTGRESQL_CASES } from '../test/knex-parity/cases/postgresql.js';
import { freshMariadbDatabase, freshPostgresDatabase, freshSqliteFile } from './harness.js';

function sqlOf(dialectId: DialectId, body: (op: Operations) => void): string {
  const dialect = dialectFor(dialectId);
  const { operations, steps } = recordOperations(dialect);
  body(operations);
  return steps.map((step) => (isTableRebuild(step) ? '' : renderStatement(step, { dialect }))).join('\n');
}

describe('issue 11 on real servers', () => {
  it('sqlite3 3.40 runs the rebuilds sqlgen renders for DROP COLUMN of key columns, increments() and dropChecks', async () => {
    const root = tempProject({
      'sqlgen.config.json': JSON.stringify({ dialect: 'sqlite' }),
      'revisions/aaaa0001_users.ts': `export default { id: 'aaaa0001', parents: [], upgrade(op) {
        op.createTable('teams', (t) => { t.increments('id'); });
        op.createTable('users', (t) => { t.string('email').unique(); t.string('name').index(); t.integer('team_id').references('id').inTable('teams'); t.integer('age'); t.check('?? > 0', ['age'], 'users_age_positive'); t.string('a'); t.string('b'); });
        op.insert('teams', { id: 1 });
        op.insert('users', [{ email: 'a@x', name: 'A', team_id: 1, age: 3 }, { email: 'b@x', name: 'B', team_id: 1, age: 4 }]);
      } };`,
      'revisions/aaaa0002_change.ts': `export default { id: 'aaaa0002', parents: ['aaaa0001'], upgrade(op) {
        op.alterTable('users', (t) => { t.dropColumn(['email', 'team_id']); });
        op.alterTable('users', (t) => { t.dropColumn(['a', 'b']); t.dropChecks(['users_age_positive']); });
        op.alterTable('users', (t) => { t.increments('id'); });
      } };`,
    });
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, root);
    const db = await freshSqliteFile();
    try {
      await db.applyScript(`PRAGMA foreign_keys = ON;\n${script}`);
      expect(await db.query("SELECT group_concat(name) FROM pragma_table_info('users')")).toEqual([['name,age,id']]);
      expect(await db.query('SELECT id, name FROM users ORDER BY id')).toEqual([['1', 'A'], ['2', 'B']]);
      await db.applyScript('INSERT INTO users (name, age) VALUES (\'C\', -1);');
    } finally {
      await db.drop();
    }
  });

  it('MariaDB keeps a column comment with a quote exactly, with and without NO_BACKSLASH_ESCAPES', async () => {
    for (const noBackslashEscapes of [true, false]) {
      const db = await freshMariadbDatabase();
      try {
        await db.applyScript(sqlOf('mysql', (op) => op.createTable('t', (t) => t.string('a').comment("the customer's kind"))), { session: { noBackslashEscapes } });
        expect(await db.query("SELECT column_comment FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't'")).toEqual([["the customer's kind"]]);
      } finally {
        await db.drop();
      }
    }
  });

  it('PostgreSQL runs extensions, schema-qualified indexes and materialized views', async () => {
    const db = await freshPostgresDatabase();
    try {
      await db.applyScript(sqlOf('postgresql', (op) => {
        op.createExtensionIfNotExists('pgcrypto');
        op.createSchema('myschema');
        op.createTable('myschema.users', (t) => { t.increments('id'); t.string('foo').index(); });
        op.alterTable('myschema.users', (t) => t.dropIndex('foo'));
        op.withSchema('myschema').createMaterializedView('ids', op.query('users').withSchema('myschema').select('id'));
        op.refreshMaterializedView('myschema.ids');
      }));
      expect(await db.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'myschema' ORDER BY 1")).toEqual([['users_pkey']]);
      expect(await db.query("SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'")).toEqual([['pgcrypto']]);
    } finally {
      await db.drop();
    }
  });

  // A sample of the parity cases that create what they use, applied by the servers' own clients.
  it.each([
    ['postgresql', POSTGRESQL_CASES],
    ['mysql', MYSQL_CASES],
  ] as const)('%s: parity cases that create tables run on the server', async (dialectId, cases) => {
    const dialect = dialectFor(dialectId);
    const sample = cases.filter((parityCase) => parityCase.op.startsWith('createTable ') && !KNOWN_DIFFERENCES[parityCase.id] && matchesKnex(sqlgenOutcome(parityCase, dialect), parityCase, dialect)).slice(0, 25);
    expect(sample.length).toBeGreaterThan(10);
    for (const parityCase of sample) {
      const outcome = sqlgenOutcome(parityCase, dialect);
      if (outcome.kind !== 'sql') continue;
      const db = dialectId === 'postgresql' ? await freshPostgresDatabase() : await freshMariadbDatabase();
      try {
        const script = outcome.statements.map((statement) => renderStatement(statement, { dialect })).join('\n');
        const result = await db.applyScript(script, { allowFailure: true });
        // knex's cases reference tables they never create, and some create one name twice: only that may fail.
        if (result.exitCode !== 0) expect(result.stderr, parityCase.id).toMatch(/does not exist|doesn't exist|already exists|Failed to open the referenced table|Can't create table/);
      } finally {
        await db.drop();
      }
    }
  });
});
