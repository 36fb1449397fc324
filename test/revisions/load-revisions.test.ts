import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RevisionFileError } from '../../src/errors.js';
import { loadRevisions } from '../../src/revisions/load-revisions.js';
import { recordOperations } from '../../src/compile/operations.js';
import { postgresql } from '../../src/dialects/postgresql.js';
import { tempProject } from '../helpers/temp-project.js';

const load = async (files: Record<string, string>) => {
  const root = tempProject(files);
  return loadRevisions(path.join(root, 'revisions'), root);
};

const loadError = async (files: Record<string, string>): Promise<RevisionFileError> => {
  try {
    await load(files);
  } catch (error) {
    expect(error).toBeInstanceOf(RevisionFileError);
    return error as RevisionFileError;
  }
  throw new Error('expected a RevisionFileError');
};

describe('loadRevisions', () => {
  it('loads TypeScript revisions that import sqlgen, with no local install', async () => {
    const [revision] = await load({
      'revisions/aaaa0001_first.ts': `import { defineRevision, type Operations } from 'sqlgen';
        const table: string = 'users';
        export default defineRevision({ id: 'aaaa0001', parents: [], message: 'first', branchLabels: ['core'],
          upgrade(op: Operations) { op.execute('CREATE TABLE ' + table + ' (id int)'); },
          downgrade(op: Operations) { op.execute('DROP TABLE ' + table); } });`,
    });
    expect(revision).toMatchObject({ id: 'aaaa0001', parents: [], message: 'first', dependsOn: [], branchLabels: ['core'], format: 'module', file: 'revisions/aaaa0001_first.ts' });
    const { operations, steps } = recordOperations(postgresql);
    expect(revision!.upgrade.kind).toBe('function');
    if (revision!.upgrade.kind === 'function') await revision!.upgrade.run(operations);
    expect(steps.map((step) => 'sql' in step && step.sql)).toEqual(['CREATE TABLE users (id int)']);
  });

  it('loads a plain object without any import, in every module extension', async () => {
    const body = (id: string) => `export default { id: '${id}', parents: [], upgrade() {} };`;
    const revisions = await load({
      'revisions/aaaa0001_a.ts': body('aaaa0001'),
      'revisions/aaaa0002_b.mts': body('aaaa0002'),
      'revisions/aaaa0003_c.js': body('aaaa0003'),
      'revisions/aaaa0004_d.mjs': body('aaaa0004'),
      'revisions/aaaa0005_e.js': `module.exports = { id: 'aaaa0005', parents: [], upgrade() {} };`,
    });
    expect(revisions.map((revision) => [revision.id, revision.message, revision.downgrade.kind])).toEqual([
      ['aaaa0001', '', 'none'],
      ['aaaa0002', '', 'none'],
      ['aaaa0003', '', 'none'],
      ['aaaa0004', '', 'none'],
      ['aaaa0005', '', 'none'],
    ]);
  });

  it('resolves relative imports of TypeScript helpers in subfolders', async () => {
    const [revision] = await load({
      'revisions/lib/tables.ts': `export const TABLE: string = 'orders';`,
      'revisions/aaaa0001_a.ts': `import { TABLE } from './lib/tables.js';
        export default { id: 'aaaa0001', parents: [], message: 'create ' + TABLE, upgrade() {} };`,
    });
    expect(revision!.message).toBe('create orders');
  });

  it('loads SQL revisions with their sections, lines and dialect', async () => {
    const [revision] = await load({
      'revisions/aaaa0001_a.sql': '-- sqlgen:id aaaa0001\n-- sqlgen:parents\n-- sqlgen:message first\n-- sqlgen:dialect sqlite\n-- sqlgen:depends-on\n\n-- sqlgen:upgrade\nCREATE TABLE t (id int);\n-- sqlgen:downgrade\nDROP TABLE t;\n',
    });
    expect(revision).toMatchObject({ id: 'aaaa0001', parents: [], message: 'first', dialect: 'sqlite', format: 'sql', dependsOn: [] });
    expect(revision!.upgrade).toEqual({ kind: 'sql', sql: 'CREATE TABLE t (id int);', line: 8 });
    expect(revision!.downgrade).toEqual({ kind: 'sql', sql: 'DROP TABLE t;', line: 10 });
  });

  it('records the sha256 of each file and returns files sorted by name', async () => {
    const text = `export default { id: 'bbbb0001', parents: ['aaaa0001'], upgrade() {} };`;
    const revisions = await load({ 'revisions/bbbb0001_b.ts': text, 'revisions/aaaa0001_a.ts': `export default { id: 'aaaa0001', parents: [], upgrade() {} };` });
    expect(revisions.map((revision) => revision.id)).toEqual(['aaaa0001', 'bbbb0001']);
    expect(revisions[1]!.sourceSha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('ignores declaration files, dotfiles and other extensions', async () => {
    const revisions = await load({
      'revisions/aaaa0001_a.ts': `export default { id: 'aaaa0001', parents: [], upgrade() {} };`,
      'revisions/types.d.ts': 'export {};',
      'revisions/.aaaa0002_hidden.ts': 'broken',
      'revisions/README.md': '# notes',
      'revisions/sqlgen.sum': 'h1:xyz',
    });
    expect(revisions.map((revision) => revision.id)).toEqual(['aaaa0001']);
  });

  it('reports a syntax error with file, line and column', async () => {
    const error = await loadError({ 'revisions/aaaa0001_a.ts': `export default {\n  id: 'aaaa0001',\n  parents: [] [,\n};\n` });
    expect(error.code).toBe('REVISION_SYNTAX');
    expect(error.location).toMatchObject({ file: 'revisions/aaaa0001_a.ts', line: 3 });
    expect(error.message).toMatch(/^revisions\/aaaa0001_a\.ts:3:\d+: syntax error/);
  });

  it('reports an exception thrown while loading with the line it came from', async () => {
    const error = await loadError({ 'revisions/aaaa0001_a.ts': `const n: number = 1;\n\nthrow new Error('boom ' + n);\n` });
    expect(error.code).toBe('REVISION_IMPORT');
    expect(error.location).toMatchObject({ file: 'revisions/aaaa0001_a.ts', line: 3 });
    expect(error.message).toContain('Error: boom 1');
  });

  it.each([
    ['a missing id', `export default { parents: [], upgrade() {} };`, /must have required property 'id'/],
    ['parents that are not a list', `export default { id: 'aaaa0001', parents: 'bbbb0001', upgrade() {} };`, /\/parents: must be array/],
    ['a malformed parent id', `export default { id: 'aaaa0001', parents: ['Not An Id'], upgrade() {} };`, /\/parents\/0: ids are 4-40 lowercase/],
    ['a multi-line message', `export default { id: 'aaaa0001', parents: [], message: 'a\\nDROP TABLE x', upgrade() {} };`, /\/message: messages are one line/],
    ['a misspelt key', `export default { id: 'aaaa0001', parent: [], upgrade() {} };`, /unknown key\(s\) "parent"/],
    ['no upgrade function', `export default { id: 'aaaa0001', parents: [] };`, /"upgrade" must be a function/],
    ['no default export', `export const revision = { id: 'aaaa0001', parents: [], upgrade() {} };`, /must have required property 'id'|no revision as its default export/],
    ['a default export that is not an object', `export default 42;`, /no revision as its default export/],
    ['a label that looks like a step', `export default { id: 'aaaa0001', parents: [], branchLabels: ['feature-2'], upgrade() {} };`, /\/branchLabels\/0: labels start with a letter/],
  ])('rejects %s, naming the file', async (_name, source, message) => {
    const error = await loadError({ 'revisions/aaaa0001_a.ts': source });
    expect(error.code).toBe('REVISION_INVALID');
    expect(error.message.startsWith('revisions/aaaa0001_a.ts')).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('rejects a file whose name and id disagree', async () => {
    const error = await loadError({ 'revisions/aaaa0001_a.ts': `export default { id: 'bbbb0002', parents: [], upgrade() {} };` });
    expect(error.code).toBe('REVISION_ID_MISMATCH');
    expect(error.hint).toContain('bbbb0002_a.ts');
  });

  it('rejects a revision-like file that is not named <id>_<slug>', async () => {
    expect((await loadError({ 'revisions/helpers.ts': 'export {};' })).message).toMatch(/helpers\.ts: not a revision file name/);
  });

  it('points SQL metadata errors at the directive line', async () => {
    const error = await loadError({ 'revisions/aaaa0001_a.sql': '-- sqlgen:id aaaa0001\n-- sqlgen:parents BAD!\n-- sqlgen:upgrade\n' });
    expect(error.location).toMatchObject({ line: 2 });
    expect(error.message).toMatch(/^revisions\/aaaa0001_a\.sql:2: invalid revision/);
  });

  it('requires the parents directive in SQL revisions', async () => {
    expect((await loadError({ 'revisions/aaaa0001_a.sql': '-- sqlgen:id aaaa0001\n-- sqlgen:upgrade\n' })).message).toMatch(/missing `-- sqlgen:parents`/);
  });

  it('reports a missing revisions folder with a hint to run init', async () => {
    const root = tempProject();
    await expect(loadRevisions(path.join(root, 'revisions'), root)).rejects.toThrow(`revisions: cannot read the revisions folder ${path.join(root, 'revisions')} (ENOENT)`);
  });
});
