import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import { checkIntegrity, keepsCurrentSum } from '../../src/integrity/check-integrity.js';
import { headProblems } from '../../src/integrity/head-problems.js';
import { INTEGRITY_FINDING_KINDS } from '../../src/integrity/problems.js';
import { writeSum } from '../../src/integrity/write-sum.js';
import { openProject, type Project } from '../../src/project.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { tempProject } from '../helpers/temp-project.js';
import { failure, graphOf, rev } from '../revisions/revision-fixtures.js';

const ORDERS = 'revisions/3f2a9c1b7d4e_add_orders.ts';

/** A copy of the example project without a sum file, opened as the CLI would. */
function exampleWithoutSum(): { root: string; open: () => Promise<Project> } {
  const root = copyExampleProject();
  rmSync(path.join(root, 'revisions/sqlgen.sum'), { force: true });
  return { root, open: () => openProject({ cwd: root, env: {}, flags: {} }) };
}

const sqlRevision = (id: string, parents: string) => `-- sqlgen:id ${id}\n-- sqlgen:parents ${parents}\n-- sqlgen:upgrade\nSELECT 1;\n`;

describe('checkIntegrity', () => {
  it('asks for `sqlgen hash` when there is no sum, and finds nothing once it ran', async () => {
    const { open } = exampleWithoutSum();
    expect(checkIntegrity(await open())).toEqual([expect.objectContaining({ code: 'sum-missing', file: 'revisions/sqlgen.sum', hint: expect.stringContaining('sqlgen hash') })]);
    writeSum(await open());
    expect(checkIntegrity(await open())).toEqual([]);
  });

  it('reports an edited revision by its file', async () => {
    const { root, open } = exampleWithoutSum();
    writeSum(await open());
    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    expect(checkIntegrity(await open())).toEqual([expect.objectContaining({ code: 'revision-edited', file: ORDERS })]);
  });

  it('reports a sum it cannot parse as a problem with its line, not a crash', async () => {
    const { root, open } = exampleWithoutSum();
    writeFileSync(path.join(root, 'revisions/sqlgen.sum'), 'sqlgen-sum 1 total:nope\n');
    expect(checkIntegrity(await open())).toEqual([expect.objectContaining({ code: 'sum-invalid', file: 'revisions/sqlgen.sum', line: 1 })]);
  });

  it('reports multiple heads unless the config allows them', async () => {
    const files = {
      'revisions/aaaa0001_base.sql': sqlRevision('aaaa0001', ''),
      'revisions/bbbb0002_b.sql': sqlRevision('bbbb0002', 'aaaa0001'),
      'revisions/cccc0003_c.sql': sqlRevision('cccc0003', 'aaaa0001'),
    };
    const strict = tempProject(files);
    writeSum(await openProject({ cwd: strict, env: {}, flags: {} }));
    const problems = checkIntegrity(await openProject({ cwd: strict, env: {}, flags: {} }));
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['multiple-heads', 'revisions/bbbb0002_b.sql'],
      ['multiple-heads', 'revisions/cccc0003_c.sql'],
    ]);
    expect(problems[0]!.message).toBe('revision bbbb0002 is one of 2 heads (bbbb0002, cccc0003)');

    const relaxed = tempProject({ ...files, 'sqlgen.config.json': '{ "allowMultipleHeads": true }\n' });
    writeSum(await openProject({ cwd: relaxed, env: {}, flags: {} }));
    expect(checkIntegrity(await openProject({ cwd: relaxed, env: {}, flags: {} }))).toEqual([]);
  });
});

describe('headProblems', () => {
  it('is quiet for one head', async () => {
    expect(headProblems(graphOf(rev('a'), rev('b', ['a'])), false)).toEqual([]);
  });
});

describe('writeSum', () => {
  it('creates, keeps, updates and replaces the sum file, saying what changed', async () => {
    const { root, open } = exampleWithoutSum();
    const created = writeSum(await open());
    expect(created).toMatchObject({ file: 'revisions/sqlgen.sum', status: 'created', revisions: 6 });
    expect(created.changes).toHaveLength(6);
    expect(readFileSync(path.join(root, 'revisions/sqlgen.sum'), 'utf8').split('\n')[0]).toBe(`sqlgen-sum 2 total:${created.total}`);

    expect(writeSum(await open())).toMatchObject({ status: 'unchanged', changes: [], total: created.total });

    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    const updated = writeSum(await open());
    expect(updated).toMatchObject({ status: 'updated', changes: [{ file: ORDERS, change: 'edited', line: 3 }] });
    expect(updated.total).not.toBe(created.total);

    writeFileSync(path.join(root, 'revisions/sqlgen.sum'), '<<<<<<< ours\n');
    expect(writeSum(await open())).toMatchObject({ status: 'replaced', changes: [], total: updated.total });
  });
});

describe('keepsCurrentSum', () => {
  it('is false without a sum, true for a current one, and refuses a stale one', async () => {
    const { root, open } = exampleWithoutSum();
    expect(keepsCurrentSum(await open())).toBe(false);
    writeSum(await open());
    expect(keepsCurrentSum(await open())).toBe(true);
    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    const opened = await open();
    const error = failure(() => keepsCurrentSum(opened), IntegrityError, 'SUM_OUT_OF_DATE');
    expect(error.message).toContain(`${ORDERS} was edited`);
  });
});

describe('INTEGRITY_FINDING_KINDS', () => {
  it('describes each code once, in kebab-case, with a severity and one-line texts', async () => {
    const ids = INTEGRITY_FINDING_KINDS.map((kind) => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of INTEGRITY_FINDING_KINDS) {
      expect(kind.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(['info', 'warning', 'error']).toContain(kind.severity);
      expect(kind.description).not.toMatch(/\n/);
      expect(kind.help).not.toMatch(/\n/);
    }
    expect(ids).toEqual(['revision-added', 'revision-edited', 'revision-removed', 'import-added', 'import-edited', 'import-removed', 'sum-old-format', 'sum-missing', 'sum-invalid', 'sum-mismatch', 'sum-out-of-order', 'multiple-heads']);
  });
});
