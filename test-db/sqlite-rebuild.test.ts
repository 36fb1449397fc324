import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../test/helpers/run-cli.js';
import { freshSqliteFile } from './harness.js';
import { renderWithCli } from './render.js';

const PROJECT = path.join(REPO_ROOT, 'test/fixtures/compile/sqlite-rebuild');

// The sqlite3 CLI's -quote output is read back as text: numbers come back as strings.
it('sqlite3 runs the table rebuilds with foreign keys enforced by the session, and the rollback', async () => {
  const upgrade = await renderWithCli('sqlite', 'upgrade', 'base:heads', PROJECT);
  const downgrade = await renderWithCli('sqlite', 'downgrade', 'heads:base', PROJECT);
  const db = await freshSqliteFile();
  try {
    // A DBA's session may enforce foreign keys; the script must still not cascade the rebuilds.
    await db.applyScript(`PRAGMA foreign_keys = ON;\n${readFileSync(upgrade.file, 'utf8')}`);
    expect(await db.query('SELECT id, author_id, title, status, editor_id FROM books ORDER BY id')).toEqual([
      ['1', '1', 'At Swim', 'published', null],
      ['2', '2', 'Untitled', "author's cut", null],
    ]);
    expect(await db.query("SELECT name, type, \"notnull\" FROM pragma_table_info('books') WHERE name IN ('title', 'price') ORDER BY name")).toEqual([
      ['price', 'float', '1'],
      ['title', 'varchar(100)', '1'],
    ]);
    expect(await db.query("SELECT \"from\" FROM pragma_foreign_key_list('books') ORDER BY 1")).toEqual([['author_id'], ['editor_id']]);
    expect(await db.query('SELECT title FROM published_books')).toEqual([['At Swim']]);
    expect(await db.query('SELECT version_num FROM sqlgen_version')).toEqual([['bbbb0003']]);

    await db.applyScript({ file: downgrade.file });
    // Nothing is left, the version table included: it is dropped at base, as Alembic does.
    expect(await db.query("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")).toEqual([]);
  } finally {
    await db.drop();
  }
});
