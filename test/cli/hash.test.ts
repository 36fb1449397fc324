import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SumUpdate } from '../../src/integrity/write-sum.js';
import type { NewRevision } from '../../src/scaffold/new-revision.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const SUM = 'revisions/sqlgen.sum';
const ORDERS = 'revisions/3f2a9c1b7d4e_add_orders.ts';
const json = <T>(stdout: string) => JSON.parse(stdout) as T;

/** The example project with its committed sum file, or without one. */
function example({ sum }: { sum: boolean }): string {
  const root = copyExampleProject();
  if (!sum) rmSync(path.join(root, SUM));
  return root;
}

const readSum = (root: string) => readFileSync(path.join(root, SUM), 'utf8');

describe.concurrent('sqlgen hash', () => {
  it('writes the sum the repository commits, then finds it up to date', async () => {
    const root = example({ sum: false });
    const created = await runCli(['hash'], root);
    expect(created).toMatchObject({ exitCode: 0, stdout: 'Created revisions/sqlgen.sum (6 revisions).\n', stderr: '' });
    expect(readSum(root)).toBe(readFileSync(path.join(REPO_ROOT, SUM), 'utf8'));

    const again = await runCli(['hash'], root);
    expect(again.stdout).toBe('revisions/sqlgen.sum is up to date (6 revisions).\n');
    const result = json<SumUpdate>((await runCli(['hash', '--json'], root)).stdout);
    expect(result).toEqual({ file: SUM, status: 'unchanged', changes: [], revisions: 6, total: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readSum(root).startsWith(`sqlgen-sum 2 total:${result.total}\n`)).toBe(true);
  });

  it('lists what changed since the old sum', async () => {
    const root = example({ sum: true });
    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    rmSync(path.join(root, 'revisions/7c9e2b4a1d30_merge_loyalty_and_reporting.ts'));
    writeFileSync(path.join(root, 'revisions/9999aaaa_extra.sql'), '-- sqlgen:id 9999aaaa\n-- sqlgen:parents 6e0a4c2d7f18\n-- sqlgen:upgrade\nSELECT 1;\n');
    const { exitCode, stdout } = await runCli(['hash'], root);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(
      [
        'Updated revisions/sqlgen.sum (6 revisions):',
        '  edited   revisions/3f2a9c1b7d4e_add_orders.ts',
        '  added    revisions/9999aaaa_extra.sql',
        '  removed  revisions/7c9e2b4a1d30_merge_loyalty_and_reporting.ts',
        '',
      ].join('\n'),
    );
    expect(readSum(root)).toContain('revisions/9999aaaa_extra.sql sha256:');
    expect(readSum(root)).not.toContain('7c9e2b4a1d30');
  });

  it('rewrites a sum git left conflict markers in', async () => {
    const root = example({ sum: true });
    const committed = readSum(root);
    writeFileSync(path.join(root, SUM), `<<<<<<< ours\n${committed}=======\n${committed}>>>>>>> theirs\n`);
    const result = json<SumUpdate>((await runCli(['hash', '--json'], root)).stdout);
    expect(result).toMatchObject({ status: 'replaced', changes: [] });
    expect(readSum(root)).toBe(committed);
  });
});

describe.concurrent('sqlgen revision and merge keep an existing sum current', () => {
  it('revision and merge rewrite the sum to include the new revision', async () => {
    const root = example({ sum: true });
    const created = json<NewRevision>((await runCli(['revision', '-m', 'add invoices', '--rev-id', 'aaaa0001', '--json'], root)).stdout);
    expect(created.sumFile).toBe(SUM);
    expect(readSum(root)).toContain(`${created.file} sha256:`);
    expect((await runCli(['hash'], root)).stdout).toBe('revisions/sqlgen.sum is up to date (7 revisions).\n');

    const side = await runCli(['revision', '-m', 'side', '--rev-id', 'bbbb0002', '--head', '7c9e2b4a1d30', '--splice', '--sql'], root);
    expect(side.stderr).toContain('Updating revisions/sqlgen.sum ... done');
    const merged = json<NewRevision>((await runCli(['merge', '-m', 'join', '--rev-id', 'cccc0003', '--json'], root)).stdout);
    expect(merged).toMatchObject({ parents: ['aaaa0001', 'bbbb0002'], sumFile: SUM });
    expect((await runCli(['hash'], root)).stdout).toBe('revisions/sqlgen.sum is up to date (9 revisions).\n');
  });

  it('refuses to add a revision while the sum is out of date, and writes nothing', async () => {
    const root = example({ sum: true });
    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    const before = readdirSync(path.join(root, 'revisions')).sort();
    const refused = await runCli(['revision', '-m', 'more'], root);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`${ORDERS} was edited since revisions/sqlgen.sum:3 recorded it`);
    expect(refused.stderr).toContain('hint: review these changes and run `sqlgen hash`');
    expect(readdirSync(path.join(root, 'revisions')).sort()).toEqual(before);
  });

  it('does not create a sum where the project keeps none', async () => {
    const root = example({ sum: false });
    const created = json<NewRevision>((await runCli(['revision', '-m', 'no sum here', '--json'], root)).stdout);
    expect(existsSync(path.join(root, created.file))).toBe(true);
    expect(created.sumFile).toBeUndefined();
    expect(existsSync(path.join(root, SUM))).toBe(false);
  });
});
