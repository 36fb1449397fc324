import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIntegrity, keepsCurrentSum } from '../../src/integrity/check-integrity.js';
import { compareSum } from '../../src/integrity/compare-sum.js';
import { buildSum, formatSum, parseSum } from '../../src/integrity/sum-file.js';
import { writeSum } from '../../src/integrity/write-sum.js';
import { openProject } from '../../src/project.js';
import { tempProject } from '../helpers/temp-project.js';
import { SUM, entries } from './sum-fixtures.js';

/** A project whose second revision imports a helper, which imports data and another helper. */
function projectWithHelpers(): { root: string; open: () => ReturnType<typeof openProject> } {
  const root = tempProject({
    'revisions/aaaa0001_base.sql': '-- sqlgen:id aaaa0001\n-- sqlgen:parents\n-- sqlgen:upgrade\nCREATE TABLE colours (name text);\n',
    'revisions/lib/seed-data.ts': `import { upper } from './text.js';\nimport rows from './rows.json' with { type: 'json' };\nexport const names: string[] = rows.map(upper);`,
    'revisions/lib/text.ts': `export const upper = (value: string) => value.toUpperCase();`,
    'revisions/lib/rows.json': '["red", "green"]',
    'revisions/bbbb0002_seed.ts': `import { names } from './lib/seed-data.js';
      export default { id: 'bbbb0002', parents: ['aaaa0001'], upgrade(op: { insert(t: string, rows: object[]): void }) { op.insert('colours', names.map((name) => ({ name }))); } };`,
    'revisions/cccc0003_more.ts': `import { upper } from './lib/text.js';\nexport default { id: 'cccc0003', parents: ['bbbb0002'], message: upper('x'), upgrade() {} };`,
  });
  return { root, open: () => openProject({ cwd: root, env: { SQLGEN_NO_CACHE: '1' }, flags: {} }) };
}

describe('the sum covers the local modules revisions import', () => {
  it('records each helper once, after the first revision that imports it', async () => {
    const { root, open } = projectWithHelpers();
    writeSum(await open());
    const lines = readFileSync(path.join(root, 'revisions/sqlgen.sum'), 'utf8').split('\n').map((line) => line.replace(/ sha256:.*? (imported-by:\S+ )?chain:.*$/, ' $1').trim());
    expect(lines).toEqual([
      expect.stringMatching(/^sqlgen-sum 2 total:[0-9a-f]{64}$/),
      'revisions/aaaa0001_base.sql',
      'revisions/bbbb0002_seed.ts',
      'revisions/lib/rows.json imported-by:revisions/bbbb0002_seed.ts',
      'revisions/lib/seed-data.ts imported-by:revisions/bbbb0002_seed.ts',
      'revisions/lib/text.ts imported-by:revisions/bbbb0002_seed.ts',
      'revisions/cccc0003_more.ts',
      '',
    ]);
  });

  it('names the helper that changed, and the revision importing it', async () => {
    const { root, open } = projectWithHelpers();
    writeSum(await open());
    expect(checkIntegrity(await open())).toEqual([]);
    writeFileSync(path.join(root, 'revisions/lib/rows.json'), '["red", "green", "blue"]');
    appendFileSync(path.join(root, 'revisions/lib/text.ts'), '\n// reformatted\n');
    const problems = checkIntegrity(await open());
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['import-edited', 'revisions/lib/rows.json'],
      ['import-edited', 'revisions/lib/text.ts'],
    ]);
    expect(problems[0]!.message).toMatch(/^revisions\/lib\/rows\.json \(imported by revisions\/bbbb0002_seed\.ts\) was edited since revisions\/sqlgen\.sum:4 recorded it/);
  });

  it('still reads a format-1 sum: revisions are checked, and a warning asks for `sqlgen hash`', async () => {
    const { root, open } = projectWithHelpers();
    const project = await open();
    const revisionsOnly = buildSum(project.graph.all().map((revision) => ({ file: revision.file, sha256: revision.sourceSha256 })));
    writeFileSync(path.join(root, 'revisions/sqlgen.sum'), formatSum(revisionsOnly).replace('sqlgen-sum 2', 'sqlgen-sum 1'));
    expect(checkIntegrity(await open()).map((problem) => [problem.code, problem.file])).toEqual([['sum-old-format', 'revisions/sqlgen.sum']]);
    expect(keepsCurrentSum(await open())).toBe(true);
    appendFileSync(path.join(root, 'revisions/bbbb0002_seed.ts'), '\n');
    expect(checkIntegrity(await open()).map((problem) => problem.code)).toEqual(['revision-edited', 'sum-old-format']);
  });
});

describe('compareSum with imports', () => {
  it('reports a helper that is no longer imported as removed, naming its importer', () => {
    const [a, b] = entries('aaaa', 'bbbb');
    const helper = { file: 'revisions/lib/h.ts', sha256: 'f'.repeat(64), importedBy: a!.file };
    const recorded = parseSum(formatSum(buildSum([a!, helper, b!])), SUM);
    expect(compareSum([a!, b!], recorded, SUM)).toEqual([expect.objectContaining({ code: 'import-removed', line: 3, message: expect.stringContaining(`revisions/lib/h.ts (imported by ${a!.file})`) })]);
  });
});
