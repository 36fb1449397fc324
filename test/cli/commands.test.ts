import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

/** A copy of the example project (config + revisions), run from its own folder. */
function exampleProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-example-'));
  cpSync(path.join(REPO_ROOT, 'revisions'), path.join(root, 'revisions'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'sqlgen.config.json'), path.join(root, 'sqlgen.config.json'));
  return root;
}

const json = <T>(stdout: string) => JSON.parse(stdout) as T;

describe.concurrent('sqlgen commands on the example project', () => {
  it('history prints the graph newest first, with branch and merge markers', async () => {
    const { exitCode, stdout } = await runCli(['history'], exampleProject());
    expect(exitCode).toBe(0);
    expect(stdout).toBe(
      [
        '5b8d1f3e9a27, 6e0a4c2d7f18 -> 7c9e2b4a1d30 (head) (mergepoint), merge loyalty and reporting',
        '4c5d6e7f8a9b -> 6e0a4c2d7f18 (reporting), customer order totals view',
        '4c5d6e7f8a9b -> 5b8d1f3e9a27 (loyalty), add loyalty points',
        '3f2a9c1b7d4e -> 4c5d6e7f8a9b (branchpoint), add countries with names',
        '1a2b3c4d5e6f -> 3f2a9c1b7d4e, add orders',
        '<base> -> 1a2b3c4d5e6f, create customers',
        '',
      ].join('\n'),
    );
  });

  it('history --json is exact, and -r limits the range', async () => {
    const { stdout } = await runCli(['history', '-r', '3f2a:loyalty', '--json'], exampleProject());
    const { revisions } = json<{ revisions: Array<{ id: string; isBranchPoint: boolean; children: string[]; file: string }> }>(stdout);
    expect(revisions.map((revision) => revision.id)).toEqual(['5b8d1f3e9a27', '4c5d6e7f8a9b']);
    expect(revisions[1]).toMatchObject({ isBranchPoint: true, children: ['5b8d1f3e9a27', '6e0a4c2d7f18'], file: 'revisions/4c5d6e7f8a9b_add_countries_with_names.ts' });
  });

  it('heads, branches and show describe the graph', async () => {
    const project = exampleProject();
    expect((await runCli(['heads'], project)).stdout).toBe('7c9e2b4a1d30 (head) (mergepoint)\n');
    expect((await runCli(['branches'], project)).stdout).toBe(
      '4c5d6e7f8a9b (branchpoint), add countries with names\n  -> 5b8d1f3e9a27 (loyalty), add loyalty points\n  -> 6e0a4c2d7f18 (reporting), customer order totals view\n',
    );
    const shown = await runCli(['show', 'reporting'], project);
    expect(shown.stdout).toContain('Rev:          6e0a4c2d7f18 (reporting)');
    expect(shown.stdout).toContain('Path:         revisions/6e0a4c2d7f18_customer_order_totals_view.sql');
    const relative = json<{ revisions: Array<{ id: string }> }>((await runCli(['show', 'loyalty-1', '--json'], project)).stdout);
    expect(relative.revisions.map((revision) => revision.id)).toEqual(['4c5d6e7f8a9b']);
  });

  it('runs from another directory: that directory is the project', async () => {
    const project = exampleProject();
    const { exitCode, stdout } = await runCli(['heads', '--json'], project);
    expect(exitCode).toBe(0);
    expect(json<{ heads: Array<{ id: string }> }>(stdout).heads.map((head) => head.id)).toEqual(['7c9e2b4a1d30']);
    const elsewhere = await runCli(['heads', '--config', path.join(project, 'sqlgen.config.json')], tmpdir());
    expect(elsewhere.stdout).toBe('7c9e2b4a1d30 (head) (mergepoint)\n');
  });

  it('suggests the closest command for a typo, with exit 2', async () => {
    const { exitCode, stderr } = await runCli(['histroy'], exampleProject());
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Did you mean "history"?');
  });

  it('prints help and version without loading any project', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'sqlgen-empty-'));
    const help = await runCli(['--help'], empty);
    expect(help.exitCode).toBe(0);
    for (const command of ['init', 'revision', 'merge', 'history', 'heads', 'branches', 'show']) expect(help.stdout).toContain(command);
    expect((await runCli(['--version'], empty)).stdout).toMatch(/^sqlgen\/\d+\.\d+\.\d+/);
  });
});

describe.concurrent('sqlgen init, revision and merge', () => {
  it('init scaffolds a project and never overwrites', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-init-'));
    const first = await runCli(['init', '--dialect', 'mysql', '--json'], root);
    expect(first.exitCode).toBe(0);
    expect(json<{ entries: Array<{ path: string; action: string }> }>(first.stdout).entries.every((entry) => entry.action === 'created')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, 'sqlgen.config.json'), 'utf8'))).toMatchObject({ dialect: 'mysql' });
    expect(readdirSync(root).sort()).toEqual(['.gitignore', 'output', 'revisions', 'sqlgen.config.json', 'templates']);
    writeFileSync(path.join(root, 'sqlgen.config.json'), '{"dialect": "sqlite"}\n');
    const second = await runCli(['init', '--json'], root);
    expect(json<{ entries: Array<{ action: string }> }>(second.stdout).entries.every((entry) => entry.action === 'kept')).toBe(true);
    expect(readFileSync(path.join(root, 'sqlgen.config.json'), 'utf8')).toBe('{"dialect": "sqlite"}\n');
  });

  it('revision builds a chain, branches only with --splice, and merge joins the heads', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-new-'));
    await runCli(['init'], root);
    const base = json<{ id: string; file: string; parents: string[] }>((await runCli(['revision', '-m', "create users (it's the first)", '--json'], root)).stdout);
    expect(base.parents).toEqual([]);
    expect(base.file).toMatch(new RegExp(`^revisions/${base.id}_create_users_it_s_the_first\\.ts$`));
    expect(readFileSync(path.join(root, base.file), 'utf8')).toContain(`message: "create users (it's the first)"`);

    const second = json<{ id: string; parents: string[] }>((await runCli(['revision', '-m', 'add email', '--rev-id', 'bbbb0002', '--json'], root)).stdout);
    expect(second).toMatchObject({ id: 'bbbb0002', parents: [base.id] });

    const refused = await runCli(['revision', '-m', 'side', '--head', base.id], root);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--splice');

    const side = json<{ id: string; file: string }>((await runCli(['revision', '-m', 'side branch', '--head', base.id, '--splice', '--sql', '--branch-label', 'side', '--json'], root)).stdout);
    expect(side.file).toMatch(/\.sql$/);
    expect(readFileSync(path.join(root, side.file), 'utf8')).toContain('-- sqlgen:branch-labels side');

    const ambiguous = await runCli(['revision', '-m', 'on top'], root);
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toMatch(/head/i);

    const merged = json<{ parents: string[] }>((await runCli(['merge', '-m', 'join', '--json'], root)).stdout);
    expect(merged.parents.sort()).toEqual(['bbbb0002', side.id].sort());
    const heads = json<{ heads: Array<{ isMergePoint: boolean }> }>((await runCli(['heads', '--json'], root)).stdout).heads;
    expect(heads).toHaveLength(1);
    expect(heads[0]!.isMergePoint).toBe(true);
  });

  it('revision --format js writes a JavaScript revision that loads and compiles; --sql and --format conflict', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-js-'));
    await runCli(['init', '--dialect', 'sqlite'], root);
    expect(readdirSync(path.join(root, 'templates')).sort()).toEqual(['revision.js.hbs', 'revision.sql.hbs', 'revision.ts.hbs']);
    const made = json<{ id: string; file: string }>((await runCli(['revision', '-m', 'first', '--format', 'js', '--json'], root)).stdout);
    expect(made.file).toMatch(new RegExp(`^revisions/${made.id}_first\\.js$`));
    const text = readFileSync(path.join(root, made.file), 'utf8');
    expect(text).toMatch(/^\/\/ @ts-check\nimport \{ defineRevision \} from 'sqlgen';/);
    writeFileSync(path.join(root, made.file), text.replace('upgrade(_op) {', "upgrade(op) {\n    op.createTable('t', (t) => t.increments('id'));"));
    const upgrade = await runCli(['upgrade'], root);
    expect(upgrade.exitCode, upgrade.stderr).toBe(0);
    expect(upgrade.stdout).toContain('CREATE TABLE');
    const both = await runCli(['revision', '-m', 'x', '--sql', '--format', 'ts'], root);
    expect(both.exitCode).toBe(2);
  });

  it("uses the project's own template over the built-in one, and rejects one that yields an invalid revision", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-tpl-'));
    await runCli(['init'], root);
    writeFileSync(path.join(root, 'templates/revision.ts.hbs'), "// house style\nexport default { id: {{json id}}, parents: {{json parents}}, message: {{json message}}, upgrade() {} };\n");
    const made = json<{ file: string }>((await runCli(['revision', '-m', 'custom', '--json'], root)).stdout);
    expect(readFileSync(path.join(root, made.file), 'utf8')).toMatch(/^\/\/ house style/);

    writeFileSync(path.join(root, 'templates/revision.ts.hbs'), 'export default { id: "wrong", parents: [], upgrade() {} };\n');
    const broken = await runCli(['revision', '-m', 'broken'], root);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('produced an invalid revision');
    expect(readdirSync(path.join(root, 'revisions'))).toEqual([path.basename(made.file)]);
  });

  it('merge refuses when there is nothing to merge', async () => {
    const { exitCode, stderr } = await runCli(['merge', '-m', 'noop'], exampleProject());
    expect(exitCode).toBe(2);
    expect(stderr).toContain('nothing to merge');
  });
});

describe.concurrent('specifiers on the example graph', () => {
  it('a step down from a merge point is ambiguous and names the parents', async () => {
    const { exitCode, stderr } = await runCli(['show', 'head-1'], exampleProject());
    expect(exitCode).toBe(2);
    expect(stderr).toContain('5b8d1f3e9a27');
    expect(stderr).toContain('6e0a4c2d7f18');
  });
});
