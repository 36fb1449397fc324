// sqlgen as a team really uses it: `npm pack`, the tarball installed as a devDependency of a
// separate application, revisions written with every module feature, type-checked by the
// application's own tsc, and the whole workflow run through node_modules/.bin/sqlgen. It needs
// the npm registry (or npm's cache) for sqlgen's dependencies and TypeScript, so it lives in
// `npm run test:db`, not `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test/helpers/run-cli.js';

/** What a Node TypeScript application has beside sqlgen (its revisions read files with node:fs). */
const TOOLCHAIN = ['typescript@5.9.3', '@types/node@20.19.43'];
let tarball: string;

beforeAll(() => {
  const folder = mkdtempSync(path.join(tmpdir(), 'sqlgen-pack-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = path.join(folder, readdirSync(folder).find((file) => file.endsWith('.tgz'))!);
}, 300_000);

/** Writes `files` into a new application folder and installs the packed sqlgen and a TypeScript toolchain there. */
function application(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-app-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--save-dev', '--save-exact', tarball, ...TOOLCHAIN], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return root;
}

/** Runs the installed sqlgen (or tsc) as a user would, from the application folder. */
function run(root: string, bin: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(path.join(root, 'node_modules/.bin', bin), args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expectOk(result: { status: number; stdout: string; stderr: string }): string {
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return result.stdout;
}

/** The README's tsconfig for revisions, and JSON imports. */
const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUnusedLocals: true, noUnusedParameters: true, allowJs: true, checkJs: true, resolveJsonModule: true, noEmit: true, skipLibCheck: true },
  include: ['revisions/**/*.ts', 'revisions/**/*.cts', 'revisions/**/*.js'],
});

const ESM_TYPESCRIPT = {
  'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', private: true, type: 'module' }),
  'tsconfig.json': TSCONFIG,
  'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }),
  'revisions/seed.json': JSON.stringify({ table: 'colours', names: ['red', "o'range"] }),
  'revisions/lib/columns.ts': "export const idColumn: string = await Promise.resolve('id');\n",
  'revisions/aaaa0001_colours.ts': `import { readFileSync } from 'node:fs';
import { defineRevision } from 'sqlgen';
import { idColumn } from './lib/columns.js';
import seed from './seed.json' with { type: 'json' };

const sameSeed = JSON.parse(readFileSync(new URL('./seed.json', import.meta.url), 'utf8')) as typeof seed;
const table: string = await Promise.resolve(sameSeed.table);

export default defineRevision({
  id: 'aaaa0001',
  parents: [],
  message: 'colours from ' + import.meta.filename.split('/').at(-1),
  upgrade(op) {
    op.createTable(table, (t) => {
      t.increments(idColumn);
      t.string('name', 50).notNullable();
    });
    op.insert(table, seed.names.map((name) => ({ name })));
  },
  downgrade(op) {
    op.dropTable(table);
  },
});
`,
  'revisions/bbbb0002_sizes.cts': `import { defineRevision } from 'sqlgen';

export = defineRevision({
  id: 'bbbb0002',
  parents: ['aaaa0001'],
  message: 'sizes, as CommonJS',
  upgrade(op) {
    op.createTable('sizes', (t) => {
      t.increments('id');
      t.string('label', 10).notNullable();
    });
  },
  downgrade(op) {
    op.dropTable('sizes');
  },
});
`,
};

const COMMONJS_JAVASCRIPT = {
  'package.json': JSON.stringify({ name: 'shop-js', version: '1.0.0', private: true }),
  'sqlgen.config.json': JSON.stringify({ dialect: 'sqlite' }),
  'revisions/lib/names.js': "module.exports = { names: ['red', 'green'] };\n",
  'revisions/aaaa0001_colours.js': `// @ts-check
const { defineRevision } = require('sqlgen');
const { names } = require('./lib/names.js');

module.exports = defineRevision({
  id: 'aaaa0001',
  parents: [],
  message: 'colours, in ' + require('node:path').basename(__filename),
  upgrade(op) {
    op.createTable('colours', (t) => {
      t.increments('id');
      t.string('name', 50).notNullable();
    });
    op.insert('colours', names.map((name) => ({ name })));
  },
  downgrade(op) {
    op.dropTable('colours');
  },
});
`,
};

/** history, upgrade, bundle, verify, lint, hash and check, as the README's workflow runs them. */
function runWorkflow(root: string): void {
  expect(expectOk(run(root, 'sqlgen', ['history']))).toContain('aaaa0001');
  expect(expectOk(run(root, 'sqlgen', ['upgrade', 'base:heads', '--sql']))).toContain('sqlgen guard');
  const bundle = expectOk(run(root, 'sqlgen', ['bundle'])).trim().split('\n')[0]!;
  expect(expectOk(run(root, 'sqlgen', ['verify', bundle]))).toContain('OK');
  expectOk(run(root, 'sqlgen', ['lint', '--fail-on', 'error']));
  expectOk(run(root, 'sqlgen', ['hash']));
  expectOk(run(root, 'sqlgen', ['check', '--fail-on', 'error']));
}

describe('the packed sqlgen installed in an application', () => {
  it('an ES module TypeScript project: import.meta, top-level await, JSON imports and a .cts revision type-check and run', () => {
    const root = application(ESM_TYPESCRIPT);
    expectOk(run(root, 'tsc', ['-p', 'tsconfig.json']));
    const script = expectOk(run(root, 'sqlgen', ['upgrade', 'base:heads', '--sql']));
    expect(script).toContain("'o''range'");
    expect(script).toContain('CREATE TABLE "sizes"');
    expect(expectOk(run(root, 'sqlgen', ['history']))).toContain('colours from aaaa0001_colours.ts');
    runWorkflow(root);
    // The sum file covers the helper the revision imports: editing it is caught by check.
    writeFileSync(path.join(root, 'revisions/lib/columns.ts'), "export const idColumn: string = await Promise.resolve('colour_id');\n");
    const check = run(root, 'sqlgen', ['check']);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain('revisions/lib/columns.ts');
  }, 300_000);

  it('a CommonJS JavaScript project: require, __filename and a checked JS revision run', () => {
    const root = application(COMMONJS_JAVASCRIPT);
    expect(expectOk(run(root, 'sqlgen', ['history']))).toContain('colours, in aaaa0001_colours.js');
    expect(expectOk(run(root, 'sqlgen', ['upgrade', 'base:heads', '--sql']))).toContain("'green' AS `name`");
    runWorkflow(root);
  }, 300_000);
});
