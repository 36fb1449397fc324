import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRevisions } from '../../src/revisions/load-revisions.js';
import { recordOperations } from '../../src/compile/operations.js';
import { postgresql } from '../../src/dialects/postgresql.js';
import type { Revision } from '../../src/revisions/types.js';
import { tempProject } from '../helpers/temp-project.js';

async function load(files: Record<string, string>): Promise<{ root: string; revisions: Revision[] }> {
  const root = tempProject(files);
  return { root, revisions: await loadRevisions(path.join(root, 'revisions'), root, { SQLGEN_NO_CACHE: '1' }) };
}

async function upgradeSql(revision: Revision): Promise<string[]> {
  const { operations, steps } = recordOperations(postgresql);
  if (revision.upgrade.kind === 'function') await revision.upgrade.run(operations);
  return steps.map((step) => ('sql' in step ? String(step.sql) : ''));
}

const revision = (id: string, body: string) => `export default { id: '${id}', parents: [], message: ${body}, upgrade() {} };`;

describe('revisions are Node modules of their kind', () => {
  it('gives an ES module revision import.meta: url, filename, dirname and resolve', async () => {
    const { root, revisions } = await load({
      'revisions/seed.json': '{ "table": "colours" }',
      'revisions/aaaa0001_meta.ts': `import { readFileSync } from 'node:fs';
        const seed = JSON.parse(readFileSync(new URL('./seed.json', import.meta.url), 'utf8')) as { table: string };
        const same = import.meta.filename === import.meta.dirname + '/aaaa0001_meta.ts' && import.meta.resolve('./seed.json').startsWith('file:');
        ${revision('aaaa0001', "seed.table + ' ' + same")}`,
    });
    expect(revisions[0]!.message).toBe('colours true');
    expect(revisions[0]!.file).toBe('revisions/aaaa0001_meta.ts');
    expect(root).toBeTruthy();
  });

  it('waits for top-level await, in a revision and in a helper it imports', async () => {
    const { revisions } = await load({
      'revisions/lib/columns.ts': `export const columns: string[] = await Promise.resolve(['id', 'name']);`,
      'revisions/aaaa0001_tla.ts': `import { columns } from './lib/columns.js';
        const table = await Promise.resolve('people');
        export default { id: 'aaaa0001', parents: [], message: table + ':' + columns.join(','),
          upgrade(op: { execute(sql: string): void }) { op.execute('CREATE TABLE ' + table + ' (' + columns.join(', ') + ')'); } };`,
      'revisions/bbbb0002_plain.ts': `export default { id: 'bbbb0002', parents: ['aaaa0001'], upgrade() {} };`,
    });
    expect(revisions.map((r) => r.message)).toEqual(['people:id,name', '']);
    expect(await upgradeSql(revisions[0]!)).toEqual(['CREATE TABLE people (id, name)']);
  });

  it('imports JSON with import attributes, and the revision takes the sqlgen it runs under', async () => {
    const { revisions } = await load({
      'revisions/data/rows.json': '[{ "id": 1 }, { "id": 2 }]',
      'revisions/aaaa0001_json.mts': `import rows from './data/rows.json' with { type: 'json' };
        import { defineRevision } from 'sqlgen';
        const size: number = await Promise.resolve(rows.length);
        export default defineRevision({ id: 'aaaa0001', parents: [], message: 'rows ' + size, upgrade(op) { op.insert('t', rows); } });`,
    });
    expect(revisions[0]!.message).toBe('rows 2');
    expect((await upgradeSql(revisions[0]!))[0]).toMatch(/^insert into "t" \("id"\) values/i);
  });

  it('loads .cjs and .cts revisions as CommonJS, where __dirname and require work', async () => {
    const { revisions } = await load({
      'revisions/aaaa0001_a.cjs': `const path = require('node:path');
        module.exports = { id: 'aaaa0001', parents: [], message: path.basename(__dirname), upgrade() {} };`,
      'revisions/bbbb0002_b.cts': `import path = require('node:path');
        const message: string = path.basename(__filename);
        export = { id: 'bbbb0002', parents: ['aaaa0001'], message, upgrade() {} };`,
    });
    expect(revisions.map((r) => [r.id, r.message])).toEqual([
      ['aaaa0001', 'revisions'],
      ['bbbb0002', 'bbbb0002_b.cts'],
    ]);
  });

  it('refuses top-level await in a CommonJS revision, as Node would', async () => {
    await expect(load({ 'revisions/aaaa0001_a.cjs': `const x = await 1;\nmodule.exports = {};` })).rejects.toThrow(/aaaa0001_a\.cjs.*syntax error/);
  });

  it('resolves npm packages from the project, including ES-module-only ones', async () => {
    const root = tempProject({
      'node_modules/esm-only/package.json': JSON.stringify({ name: 'esm-only', type: 'module', exports: { import: './index.js' } }),
      'node_modules/esm-only/index.js': `export const tableName = 'from_esm_only';`,
      'node_modules/cjs-pkg/package.json': JSON.stringify({ name: 'cjs-pkg', main: 'index.js' }),
      'node_modules/cjs-pkg/index.js': `exports.prefix = 'cjs';`,
      'revisions/aaaa0001_a.ts': `import { tableName } from 'esm-only';\n${revision('aaaa0001', 'tableName')}`,
      'revisions/bbbb0002_b.ts': `import { prefix } from 'cjs-pkg';\nexport default { id: 'bbbb0002', parents: ['aaaa0001'], message: prefix, upgrade() {} };`,
    });
    const revisions = await loadRevisions(path.join(root, 'revisions'), root, { SQLGEN_NO_CACHE: '1' });
    expect(revisions.map((r) => r.message)).toEqual(['from_esm_only', 'cjs']);
  });

  it('reports an exception thrown by an ES module revision with its line', async () => {
    await expect(load({ 'revisions/aaaa0001_a.ts': `const n: number = await Promise.resolve(1);\n\nthrow new Error('boom ' + n);\n` })).rejects.toMatchObject({
      code: 'REVISION_IMPORT',
      location: { file: 'revisions/aaaa0001_a.ts', line: 3 },
    });
  });

  it('reports a syntax error of an ES module revision with its file', async () => {
    await expect(load({ 'revisions/aaaa0001_a.mjs': `const x = await 1;\nexport default {;\n` })).rejects.toMatchObject({ code: 'REVISION_SYNTAX', location: { file: 'revisions/aaaa0001_a.mjs' } });
  });
});

describe('local imports', () => {
  it('lists every local file a revision imports, transitively, with its digest', async () => {
    const { revisions } = await load({
      'revisions/lib/seed-data.ts': `import { names } from './names.js';\nimport more from './more.json' with { type: 'json' };\nexport const rows = [...names, ...more];`,
      'revisions/lib/names.ts': `export const names: string[] = ['a'];`,
      'revisions/lib/more.json': '["b"]',
      'revisions/lib/unused.ts': `export const x = 1;`,
      'revisions/aaaa0001_a.ts': `import { rows } from './lib/seed-data.js';
        export default { id: 'aaaa0001', parents: [], message: rows.join(), async upgrade() { await import('./lib/late.js'); } };`,
      'revisions/lib/late.ts': `export {};`,
      'revisions/bbbb0002_b.sql': '-- sqlgen:id bbbb0002\n-- sqlgen:parents aaaa0001\n-- sqlgen:upgrade\nSELECT 1;\n',
    });
    expect(revisions[0]!.message).toBe('a,b');
    expect(revisions[0]!.localImports.map((local) => local.file)).toEqual(['revisions/lib/late.ts', 'revisions/lib/more.json', 'revisions/lib/names.ts', 'revisions/lib/seed-data.ts']);
    expect(revisions[0]!.localImports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(revisions[1]!.localImports).toEqual([]);
  });

  it('finds the imports of an ES module revision too, and of a helper in a sibling folder', async () => {
    const root = tempProject({
      'lib/shared.ts': `export const shared = await Promise.resolve('s');`,
      'revisions/aaaa0001_a.ts': `import { shared } from '../lib/shared.js';\n${revision('aaaa0001', 'shared')}`,
    });
    mkdirSync(path.join(root, 'unrelated'));
    writeFileSync(path.join(root, 'unrelated/x.ts'), 'export {};');
    const revisions = await loadRevisions(path.join(root, 'revisions'), root, { SQLGEN_NO_CACHE: '1' });
    expect(revisions[0]!.message).toBe('s');
    expect(revisions[0]!.localImports.map((local) => local.file)).toEqual(['lib/shared.ts']);
  });
});
