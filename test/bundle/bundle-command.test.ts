import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/bundle/manifest.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { runCli, snapshotTree } from '../helpers/run-cli.js';
import { settledOutput } from './bundle-fixtures.js';

const BUNDLE = 'output/base-to-7c9e2b4a1d30-postgresql';
const REVISION_STEMS = [
  '0001_1a2b3c4d5e6f_create_customers',
  '0002_3f2a9c1b7d4e_add_orders',
  '0003_4c5d6e7f8a9b_add_countries_with_names',
  '0004_5b8d1f3e9a27_add_loyalty_points',
  '0005_6e0a4c2d7f18_customer_order_totals_view',
  '0006_7c9e2b4a1d30_merge_loyalty_and_reporting',
];

/** A copy of the example project with a key pair in keys/. */
async function signingProject(): Promise<string> {
  const root = copyExampleProject();
  expect((await runCli(['keygen', '--out', 'keys'], root)).exitCode).toBe(0);
  return root;
}

async function bundle(root: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return runCli(['bundle', ...args], root, env);
}

// Rehearsal has its own tests (test/rehearse); the tests here that are about something else skip it.
describe('sqlgen bundle', () => {
  it('writes the documented layout; sha256sum and openssl check it without sqlgen', async () => {
    const root = await signingProject();
    const result = await bundle(root, ['--ticket', 'CHG-1234', '--sign-key', 'keys/sqlgen.key.pem']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${BUNDLE}\n`);
    const folder = path.join(root, BUNDLE);
    expect(Object.keys(snapshotTree(folder)).sort()).toEqual([
      'README.md', 'SHA256SUMS', 'downgrade.sql', 'manifest.json', 'manifest.json.sig', 'revisions/',
      ...REVISION_STEMS.flatMap((stem) => [`revisions/${stem}.down.sql`, `revisions/${stem}.up.sql`]),
      'schema.sql', 'upgrade.sql',
    ].sort());
    expect(execFileSync('sha256sum', ['--strict', '-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' })).toContain('upgrade.sql: OK');
    const openssl = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(root, 'keys/sqlgen.pub.pem'), '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.json.sig'], { cwd: folder, encoding: 'utf8' });
    expect(openssl).toContain('Signature Verified Successfully');
  });

  it('records the range, tools, ticket, revisions and every file in a manifest that matches its schema', async () => {
    const root = copyExampleProject();
    expect((await bundle(root, ['--ticket', 'CHG-1234'])).exitCode).toBe(0);
    const parsed = parseManifest(readFileSync(path.join(root, BUNDLE, 'manifest.json'), 'utf8'));
    expect(parsed).toHaveProperty('manifest');
    const manifest = 'manifest' in parsed ? parsed.manifest : undefined;
    expect(manifest).toMatchObject({
      format: 'sqlgen-bundle/3',
      guards: true,
      rehearsal: { status: 'passed', engine: expect.stringMatching(/^PostgreSQL 18\.\d+ \(PGlite \d+\.\d+\.\d+, embedded\)$/), failureAllowed: false },
      name: 'base-to-7c9e2b4a1d30-postgresql',
      generator: { knex: '3.3.0', sqlFormatter: '15.9.0' },
      dialect: 'postgresql',
      from: 'base',
      to: '7c9e2b4a1d30',
      ticket: 'CHG-1234',
      scripts: { upgrade: { file: 'upgrade.sql' }, downgrade: { file: 'downgrade.sql' } },
    });
    const { revisions, files } = manifest as { revisions: Array<{ id: string; source: { file: string; sha256: string }; upgrade: { file: string } }>; files: Array<{ file: string }> };
    expect(revisions.map((revision) => revision.upgrade.file)).toEqual(REVISION_STEMS.map((stem) => `revisions/${stem}.up.sql`));
    const source = revisions[0]!.source;
    expect(source.file).toBe('revisions/1a2b3c4d5e6f_create_customers.ts');
    expect(source.sha256).toBe(execFileSync('sha256sum', [source.file], { cwd: root, encoding: 'utf8' }).split(' ')[0]);
    expect(files.map((digest) => digest.file)).toContain('README.md');
    expect(files.map((digest) => digest.file)).toContain('schema.sql');
    expect(files.map((digest) => digest.file)).not.toContain('manifest.json');
  });

  it('is byte-identical across runs, time zones and locales, archive included', async () => {
    const [first, second] = [copyExampleProject(), copyExampleProject()];
    expect((await bundle(first, ['--archive'], { TZ: 'UTC', LC_ALL: 'C' })).exitCode).toBe(0);
    expect((await bundle(second, ['--archive'], { TZ: 'Pacific/Chatham', LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8' })).exitCode).toBe(0);
    expect(snapshotTree(path.join(second, BUNDLE))).toEqual(snapshotTree(path.join(first, BUNDLE)));
    expect(readFileSync(path.join(second, `${BUNDLE}.tar.gz`)).equals(readFileSync(path.join(first, `${BUNDLE}.tar.gz`)))).toBe(true);
  });

  it('never overwrites a bundle without --force, and replaces it whole with --force', async () => {
    const root = copyExampleProject();
    expect((await bundle(root, ['--no-rehearse'])).exitCode).toBe(0);
    writeFileSync(path.join(root, BUNDLE, 'upgrade.sql'), 'edited by hand\n');
    const before = snapshotTree(root);
    const refused = await bundle(root, ['--no-rehearse']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/already exists; sqlgen does not overwrite a bundle\nhint: pass --force/);
    expect(snapshotTree(root)).toEqual(before);
    expect((await bundle(root, ['--force', '--no-rehearse'])).exitCode).toBe(0);
    expect(readFileSync(path.join(root, BUNDLE, 'upgrade.sql'), 'utf8')).toMatch(/^-- sqlgen /);
    expect(await settledOutput(path.join(root, 'output'))).toEqual(['base-to-7c9e2b4a1d30-postgresql']);
  });

  it.each([
    ['a revision that fails', (root: string) => writeFileSync(path.join(root, 'revisions/5b8d1f3e9a27_add_loyalty_points.ts'), "export default { id: '5b8d1f3e9a27', parents: ['4c5d6e7f8a9b'], upgrade() { throw new Error('boom'); } };\n")],
    ['an output folder that is a file', (root: string) => writeFileSync(path.join(root, 'output'), 'not a folder\n')],
    ['a broken handoff template', (root: string) => {
      mkdirSync(path.join(root, 'templates'));
      writeFileSync(path.join(root, 'templates/handoff.md.hbs'), '# {{bundle.name}\n');
    }],
    ['a missing signing key', (root: string) => writeFileSync(path.join(root, 'sqlgen.config.json'), JSON.stringify({ dialect: 'postgresql', signing: { privateKey: 'keys/absent.pem' } }))],
  ])('fails on %s with exit 2 and leaves the project exactly as it was', async (_, breakIt) => {
    const root = copyExampleProject();
    breakIt(root);
    const before = snapshotTree(root);
    const result = await bundle(root, ['--archive', '--no-rehearse']);
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^error: .+\nhint: /m);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('renders the handoff summary from the project\'s own template, with the documented context', async () => {
    const root = copyExampleProject();
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates/handoff.md.hbs'), '{{ticket}} {{dialect.name}} {{from}}..{{to}} {{#each revisions}}{{position}}:{{id}} {{/each}}{{apply.upgrade}}\n');
    expect((await bundle(root, ['--ticket', 'OPS-7', '--no-rehearse'])).exitCode).toBe(0);
    expect(readFileSync(path.join(root, BUNDLE, 'README.md'), 'utf8')).toBe(
      'OPS-7 PostgreSQL base..7c9e2b4a1d30 1:1a2b3c4d5e6f 2:3f2a9c1b7d4e 3:4c5d6e7f8a9b 4:5b8d1f3e9a27 5:6e0a4c2d7f18 6:7c9e2b4a1d30 psql -v ON_ERROR_STOP=1 -f upgrade.sql\n',
    );
  });

  it('puts no credentials, key material or absolute paths of this machine in any file', async () => {
    const root = await signingProject();
    writeFileSync(path.join(root, 'sqlgen.config.json'), JSON.stringify({ url: 'postgresql://deploy:hunter2@db.internal:5432/shop' }));
    expect((await bundle(root, ['--sign-key', path.join(root, 'keys/sqlgen.key.pem'), '--archive'])).exitCode).toBe(0);
    const keyBody = readFileSync(path.join(root, 'keys/sqlgen.key.pem'), 'utf8').split('\n')[1]!;
    for (const [file, content] of Object.entries(snapshotTree(path.join(root, 'output')))) {
      for (const secret of ['hunter2', 'deploy', 'db.internal', keyBody, root, process.env.HOME ?? '/root']) expect(content.includes(secret), `${file} contains ${secret}`).toBe(false);
    }
  });

  it('refuses a range that does not end at one revision, naming the heads', async () => {
    const root = copyExampleProject();
    writeFileSync(path.join(root, 'revisions/9d9d9d9d9d9d_side_branch.sql'), '-- sqlgen:id 9d9d9d9d9d9d\n-- sqlgen:parents 7c9e2b4a1d30\n-- sqlgen:message side\n-- sqlgen:upgrade\nSELECT 1;\n-- sqlgen:downgrade\nSELECT 1;\n');
    writeFileSync(path.join(root, 'revisions/9e9e9e9e9e9e_other_branch.sql'), '-- sqlgen:id 9e9e9e9e9e9e\n-- sqlgen:parents 7c9e2b4a1d30\n-- sqlgen:message other\n-- sqlgen:upgrade\nSELECT 2;\n-- sqlgen:downgrade\nSELECT 2;\n');
    const result = await bundle(root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: --to heads names 2 revisions (9d9d9d9d9d9d, 9e9e9e9e9e9e); a bundle goes from one state to one state');
    expect((await bundle(root, ['--to', '9d9d9d9d9d9d', '--from', '7c9e2b4a1d30', '--no-rehearse'])).exitCode).toBe(0);
  });
});
