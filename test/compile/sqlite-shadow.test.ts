import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { SqlgenError } from '../../src/errors.js';
import { renderFor } from '../helpers/render.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * Every SQLite statement sqlgen renders runs on the shadow schema while it renders: what SQLite
 * (or the configured oldest SQLite) refuses in place becomes a table rebuild, or an error that
 * names the revision line, never a script that fails in the DBA's hands.
 */
const CREATE_USERS = `
    op.createTable('teams', (t) => { t.increments('id'); });
    op.createTable('users', (t) => {
      t.increments('id');
      t.string('email').unique();
      t.string('name').index();
      t.integer('team_id').references('id').inTable('teams');
      t.integer('age');
      t.string('nickname');
      t.string('bio');
      t.check('?? > 0', ['age'], 'users_age_positive');
    });
    op.insert('teams', { id: 1 });
    op.insert('users', [{ email: 'a@example.com', name: 'A', team_id: 1, age: 30, nickname: 'a' }, { email: 'b@example.com', name: 'B', team_id: 1, age: 40, nickname: 'b' }]);`;

/** A project whose second revision runs `body` on the users table the first one creates. */
function project(body: string, config: Record<string, unknown> = {}): string {
  return tempProject({
    'sqlgen.config.json': JSON.stringify({ dialect: 'sqlite', ...config }),
    'revisions/aaaa0001_users.ts': `export default { id: 'aaaa0001', parents: [], upgrade(op) {${CREATE_USERS}\n  } };\n`,
    'revisions/aaaa0002_change.ts': `export default {\n  id: 'aaaa0002',\n  parents: ['aaaa0001'],\n  upgrade(op) {\n    ${body}\n  },\n};\n`,
  });
}

async function applied(script: string) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(script);
  return {
    rows: (sql: string) => db.exec(sql)[0]?.values ?? [],
  };
}

const columns = "SELECT name FROM pragma_table_info('users') ORDER BY cid";

describe('SQLite DROP COLUMN', () => {
  it('of several columns given as an array drops each of them', async () => {
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.alterTable('users', (t) => t.dropColumn(['nickname', 'bio']));"));
    expect(script).not.toContain('nickname,bio');
    const db = await applied(script);
    expect(db.rows(columns).flat()).toEqual(['id', 'email', 'name', 'team_id', 'age']);
  });

  it.each([
    ['indexed', 'name'],
    ['unique', 'email'],
    ['in a foreign key', 'team_id'],
    ['in the primary key', 'id'],
  ])('of a column that is %s rebuilds the table, keeping the rows and the other keys', async (_, column) => {
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project(`op.alterTable('users', (t) => t.dropColumn('${column}'));`));
    expect(script).not.toMatch(/DROP COLUMN/i);
    expect(script).toContain('CREATE TABLE `_sqlgen_rebuild_users`');
    const db = await applied(script);
    expect(db.rows(columns).flat()).not.toContain(column);
    expect(db.rows('SELECT count(*) FROM users')).toEqual([[2]]);
  });

  it('of a plain column stays an ALTER TABLE ... DROP COLUMN', async () => {
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.alterTable('users', (t) => t.dropColumn('nickname'));"));
    expect(script).toMatch(/ALTER TABLE "users"\s+DROP COLUMN "nickname";/);
    expect(script).not.toContain('_sqlgen_rebuild_users');
  });
});

describe('SQLite alterations SQLite refuses in place', () => {
  it('increments() in alterTable adds the primary key column by a rebuild, numbering the existing rows', async () => {
    const body = "op.createTable('tags', (t) => { t.string('label'); }); op.insert('tags', [{ label: 'x' }, { label: 'y' }]); op.alterTable('tags', (t) => { t.increments('id'); });";
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project(body));
    expect(script).not.toMatch(/add column `id`/i);
    const db = await applied(script);
    expect(db.rows('SELECT id, label FROM tags ORDER BY id')).toEqual([[1, 'x'], [2, 'y']]);
    expect(db.rows("SELECT pk FROM pragma_table_info('tags') WHERE name = 'id'")).toEqual([[1]]);
  });

  it('dropChecks removes the CHECK constraint by a rebuild (DROP CONSTRAINT needs SQLite 3.53)', async () => {
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.alterTable('users', (t) => { t.dropChecks(['users_age_positive']); });"));
    expect(script).not.toMatch(/drop constraint/i);
    const db = await applied(script);
    expect(() => db.rows("INSERT INTO users (email, age) VALUES ('c@example.com', -1)")).not.toThrow();
    expect(db.rows('SELECT count(*) FROM users')).toEqual([[3]]);
  });

  it('dropChecks of a CHECK that does not exist is an error naming the revision line', async () => {
    const error = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.alterTable('users', (t) => { t.dropChecks(['nope']); });")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SqlgenError);
    expect((error as SqlgenError).message).toMatch(/revisions\/aaaa0002_change\.ts:5: .*no CHECK constraint named nope/);
  });

  it('a statement SQLite rejects fails the render, naming the revision file and line', async () => {
    const error = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.execute('ALTER TABLE users ADD COLUMN id2 integer PRIMARY KEY');")).catch((caught: unknown) => caught);
    expect((error as SqlgenError).code).toBe('SHADOW_REPLAY_FAILED');
    expect((error as SqlgenError).message).toMatch(/^revisions\/aaaa0002_change\.ts:5: SQLite would reject .*Cannot add a PRIMARY KEY column/);
  });

  it('a form newer than sqlite.minimumVersion is refused, though sql.js would run it', async () => {
    const error = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.execute('ALTER TABLE users DROP CONSTRAINT users_age_positive');")).catch((caught: unknown) => caught);
    expect((error as SqlgenError).message).toMatch(/aaaa0002_change\.ts:5: .*ADD\/DROP CONSTRAINT: SQLite gained ADD and DROP CONSTRAINT in 3\.53\.0, and sqlite\.minimumVersion is 3\.35\.0/);
    const newer = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.execute('ALTER TABLE users DROP CONSTRAINT users_age_positive');", { sqlite: { minimumVersion: '3.53.0' } }));
    expect(newer).toContain('ALTER TABLE users DROP CONSTRAINT users_age_positive;');
  });

  it('adding a column with a non-constant default rebuilds the table: SQLite refuses it on a table with rows', async () => {
    const script = await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, project("op.alterTable('users', (t) => { t.timestamp('seen_at').defaultTo(op.fn.now()); });"));
    expect(script).toContain('_sqlgen_rebuild_users');
    const db = await applied(script);
    expect(db.rows('SELECT count(*) FROM users WHERE seen_at IS NOT NULL')).toEqual([[2]]);
  });
});
