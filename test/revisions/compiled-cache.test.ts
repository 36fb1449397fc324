import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasOnlyKeyedInputs } from '../../src/revisions/compiled-cache.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * The compiled cache lives in the bundled CLI only (it is keyed by the build), so these tests run
 * `bin/run.js` as a user does, each project with a cache folder of its own.
 */
const CONFIG = JSON.stringify({ dialect: 'postgresql' });

/** A revision inserting `value` (TypeScript source text) into `notes`, with `prelude` above it. */
function revision(value: string, prelude = ''): string {
  return `import { defineRevision } from 'sqlgen';
${prelude}
export default defineRevision({
  id: 'aaaa0001',
  parents: [],
  message: 'notes',
  upgrade(op) {
    op.createTable('notes', (t) => { t.text('body'); });
    op.insert('notes', { body: ${value} });
  },
  downgrade(op) {
    op.dropTable('notes');
  },
});
`;
}

function setup(files: Record<string, string>) {
  const root = tempProject({ 'sqlgen.config.json': CONFIG, ...files });
  const cacheDir = tempProject();
  const run = async (args = ['upgrade', 'base:heads', '--sql'], env: NodeJS.ProcessEnv = {}) => {
    const result = await runCli(args, root, { SQLGEN_CACHE_DIR: cacheDir, ...env });
    expect(result.exitCode, result.stderr).toBe(0);
    return result.stdout;
  };
  const cacheFile = () => readdirSync(cacheDir).find((name) => name.startsWith('compiled-'));
  /** Plants `marker` in every statement the cache holds: output showing it came from the cache. */
  const cacheFilePath = () => path.join(cacheDir, cacheFile()!);
  const tamper = (marker: string, stamp?: string) => {
    const file = cacheFilePath();
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; entries: Record<string, { steps: Record<string, string> }> };
    for (const entry of Object.values(cache.entries)) {
      for (const [variant, text] of Object.entries(entry.steps)) {
        entry.steps[variant] = JSON.stringify((JSON.parse(text) as Array<{ sql: string }>).map((step) => ({ ...step, sql: `${step.sql} /* ${marker} */` })));
      }
    }
    if (stamp) cache.stamp = stamp;
    writeFileSync(file, JSON.stringify(cache));
  };
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  return { root, run, cacheFile, cacheFilePath, tamper, write };
}

describe('compiled revisions cache', () => {
  it('serves an unchanged revision from the cache, with the output of a run without it', async () => {
    const project = setup({ 'revisions/aaaa0001_notes.ts': revision(`"it's"`) });
    const first = await project.run();
    expect(project.cacheFile()).toBeDefined();
    expect(await project.run()).toBe(first);
    expect(await project.run(undefined, { SQLGEN_NO_CACHE: '1' })).toBe(first);
    project.tamper('from the cache');
    expect(await project.run()).toContain('from the cache');
  });

  it('renders again when the revision file changes', async () => {
    const project = setup({ 'revisions/aaaa0001_notes.ts': revision(`'first'`) });
    await project.run();
    project.write('revisions/aaaa0001_notes.ts', revision(`'second'`));
    expect(await project.run()).toContain(`'second'`);
  });

  it('renders again when a data file the revision imports changes', async () => {
    const project = setup({ 'revisions/aaaa0001_notes.ts': revision('seed.note', `import seed from './seed.json';`), 'revisions/seed.json': '{"note": "first"}' });
    expect(await project.run()).toContain(`'first'`);
    project.write('revisions/seed.json', '{"note": "second"}');
    expect(await project.run()).toContain(`'second'`);
  });

  it('never keeps a revision that reads a file, the environment or the clock, or imports code', async () => {
    const project = setup({
      'revisions/aaaa0001_notes.ts': revision(`readFileSync(new URL('./note.txt', import.meta.url), 'utf8')`, `import { readFileSync } from 'node:fs';`),
      'revisions/note.txt': 'first',
    });
    expect(await project.run()).toContain(`'first'`);
    project.write('revisions/note.txt', 'second');
    expect(await project.run()).toContain(`'second'`);

    project.write('revisions/aaaa0001_notes.ts', revision('process.env.NOTE'));
    expect(await project.run(undefined, { NOTE: 'first' })).toContain(`'first'`);
    expect(await project.run(undefined, { NOTE: 'second' })).toContain(`'second'`);

    project.write('revisions/aaaa0001_notes.ts', revision('String(Date.now())'));
    const [before, after] = [await project.run(), await project.run()];
    expect(after).not.toBe(before);

    project.write('revisions/aaaa0001_notes.ts', revision('note', `import { note } from './lib/note.js';`));
    project.write('revisions/lib/note.ts', `export const note = 'first';`);
    expect(await project.run()).toContain(`'first'`);
    project.write('revisions/lib/note.ts', `export const note = 'second';`);
    expect(await project.run()).toContain(`'second'`);
  });

  it('keeps dialects and directions apart, and loads a kept revision for a step it lacks', async () => {
    const project = setup({ 'revisions/aaaa0001_notes.ts': revision(`'x'`) });
    await project.run();
    expect(await project.run(['upgrade', 'base:heads', '--sql', '--dialect', 'mysql'])).toContain('`notes`');
    const downgrade = ['downgrade', 'heads:base', '--sql'];
    expect(await project.run(downgrade)).toBe(await project.run(downgrade, { SQLGEN_NO_CACHE: '1' }));
  });

  it('ignores a cache written by another build, or a corrupt one', async () => {
    const project = setup({ 'revisions/aaaa0001_notes.ts': revision(`'x'`) });
    const first = await project.run();
    project.tamper('stale', 'sqlgen build another');
    expect(await project.run()).toBe(first);
    writeFileSync(project.cacheFilePath(), '{"stamp": "sqlgen bu');
    expect(await project.run()).toBe(first);
  });

  it('writes nothing with SQLGEN_NO_CACHE=1', async () => {
    const project = setup({ 'revisions/aaaa0001_notes.ts': revision(`'x'`) });
    await project.run(undefined, { SQLGEN_NO_CACHE: '1' });
    expect(project.cacheFile()).toBeUndefined();
  });
});

describe('hasOnlyKeyedInputs', () => {
  const keyed = (code: string, imports: string[] = []) => hasOnlyKeyedInputs(code, imports.map((file) => ({ file, sha256: '' })));

  it('accepts code that requires only sqlgen and data files', () => {
    expect(keyed(`var _sqlgen = require('sqlgen'); var _seed = require('./seed.json');`, ['/p/revisions/seed.json'])).toBe(true);
  });

  it.each([
    ['the environment', 'process.env.X'],
    ['the clock', 'new Date()'],
    ['randomness', 'Math.random()'],
    ['the console', "console.log('x')"],
    ['a shared global', 'globalThis.seen = 1'],
    ['a package', "require('node:fs')"],
    ['a computed require', 'require(name)'],
    ['a dynamic import', "import('./x.js')"],
    ['its own location', '__dirname'],
  ])('refuses code that reads %s', (_, code) => {
    expect(keyed(code)).toBe(false);
  });

  it('refuses a revision that imports a local code module', () => {
    expect(keyed(`var _lib = require('./lib/note.js');`, ['/p/revisions/lib/note.ts'])).toBe(false);
  });
});
