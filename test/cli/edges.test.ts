import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugOf } from '../../src/scaffold/new-revision.js';
import { REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';

function exampleProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-edges-'));
  cpSync(path.join(REPO_ROOT, 'revisions'), path.join(root, 'revisions'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'sqlgen.config.json'), path.join(root, 'sqlgen.config.json'));
  return root;
}

describe.concurrent('the CLI at its edges', () => {
  it.each([
    [['downgrade', '--json'], /Missing 1 required arg/],
    [['upgrade', '--dialect', 'postgres', '--json'], /Expected --dialect=postgres to be one of/],
    [['history', '--no-such-flag', '--json'], /Nonexistent flag: --no-such-flag/],
  ])('reports a usage error under --json as {error: {code, message, hint}} with exit 2: %s', async (args, message) => {
    const { exitCode, stdout } = await runCli(args, exampleProject());
    expect(exitCode).toBe(2);
    expect(stdout.length).toBeLessThan(1000);
    const { error } = JSON.parse(stdout) as { error: { code: string; message: string; hint: string } };
    expect(error).toMatchObject({ code: 'USAGE', message: expect.stringMatching(message), hint: expect.stringContaining(`sqlgen ${args[0]} --help`) });
  });

  it('writes nothing when a new revision takes a branch label already in use', async () => {
    const root = exampleProject();
    const before = snapshotTree(root);
    const failed = await runCli(['revision', '-m', 'x', '--branch-label', 'reporting'], root);
    expect(failed.exitCode).toBe(2);
    expect(failed.stderr).toMatch(/reporting/);
    expect(snapshotTree(root)).toEqual(before);
    expect((await runCli(['heads'], root)).exitCode).toBe(0);
  });

  it('finds the project from a subfolder, as git finds its repository', async () => {
    const root = exampleProject();
    const fromRoot = await runCli(['history'], root);
    const fromRevisions = await runCli(['history'], path.join(root, 'revisions'));
    expect(fromRevisions).toEqual(fromRoot);
    expect(fromRoot.exitCode).toBe(0);
  });

  it('stops looking upward at a folder holding .git, and prints the folder it looked for', async () => {
    const root = exampleProject();
    const inner = path.join(root, 'nested');
    mkdirSync(path.join(inner, '.git'), { recursive: true });
    const { exitCode, stderr } = await runCli(['history'], inner);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`cannot read the revisions folder ${path.join(inner, 'revisions')} (ENOENT)`);
  });

  it('refuses to init a project inside another one', async () => {
    const root = exampleProject();
    const before = snapshotTree(root);
    const { exitCode, stderr } = await runCli(['init'], path.join(root, 'revisions'));
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`is inside the sqlgen project of ${path.join(root, 'sqlgen.config.json')}`);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('answers `sqlgen help upgrade` with the help of upgrade', async () => {
    const { exitCode, stdout } = await runCli(['help', 'upgrade'], exampleProject());
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Render the upgrade script for a range of revisions.');
    expect(stdout).toContain('$ sqlgen upgrade [RANGE]');
  });

  it('init --dialect on an existing project of another dialect exits 2 naming the dialect it has', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-init-'));
    expect((await runCli(['init'], root)).exitCode).toBe(0);
    const { exitCode, stderr } = await runCli(['init', '--dialect', 'mysql'], root);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('already sets dialect "postgresql"');
    expect((await runCli(['init', '--dialect', 'postgresql'], root)).exitCode).toBe(0);
  });

  it('init keeps the private signing key out of git, once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-init-'));
    writeFileSync(path.join(root, '.gitignore'), 'node_modules');
    await runCli(['init'], root);
    await runCli(['init'], root);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe("node_modules\n# sqlgen keygen's private signing key\nsqlgen.key.pem\n");
    expect(readdirSync(root)).toContain('revisions');
    expect(existsSync(path.join(root, 'sqlgen.config.json'))).toBe(true);
  });
});

describe('slugOf', () => {
  it('keeps letters with accents and of other scripts', () => {
    expect(slugOf('Ünïcode names')).toBe('unicode_names');
    expect(slugOf('добавить заказы')).toBe('добавить_заказы');
  });
});
