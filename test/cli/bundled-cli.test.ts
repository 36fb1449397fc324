import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const { wrappedSource } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'bin', 'commonjs-script.cjs')) as { wrappedSource: (file: string) => string };
import { tempProject } from '../helpers/temp-project.js';

/** bin/run.js runs dist/sqlgen.cjs through V8's code cache (see bin/run.js). */
describe('the bundled CLI and its code cache', () => {
  const codeCaches = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('cli-code-'));

  it('writes its code cache on the first run, and reads it without rewriting on the next', async () => {
    const cacheDir = tempProject();
    expect((await runCli(['--version'], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir })).exitCode).toBe(0);
    const [cache] = codeCaches(cacheDir);
    expect(cache).toBeDefined();
    const written = statSync(path.join(cacheDir, cache!)).mtimeMs;
    expect((await runCli(['--version'], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir })).exitCode).toBe(0);
    expect(statSync(path.join(cacheDir, cache!)).mtimeMs).toBe(written);
  });

  it('loads the packages it leaves out (libpg-query) when its code comes from the cache', async () => {
    // On Node 20 a script compiled from cached code loses its import() callback: the bundle must hold none.
    const cacheDir = tempProject();
    const sqlFile = path.join(tempProject({ 'one.sql': 'ALTER TABLE orders ADD COLUMN note text;\n' }), 'one.sql');
    const lint = () => runCli(['lint', '--dialect', 'postgresql', '--fail-on', 'none', sqlFile], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir });
    const first = await lint();
    expect(first.exitCode, first.stderr).toBe(0);
    const second = await lint();
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
  });

  it('runs on with a damaged code cache, and replaces it', async () => {
    const cacheDir = tempProject();
    await runCli(['--version'], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir });
    const file = path.join(cacheDir, codeCaches(cacheDir)[0]!);
    writeFileSync(file, 'not code');
    const result = await runCli(['--version'], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);
  });

  it('keeps the four newest code caches: older builds of sqlgen leave theirs behind', async () => {
    const cacheDir = tempProject();
    const leftBehind = ['a', 'b', 'c', 'd', 'e'].map((build, index) => {
      const file = path.join(cacheDir, `cli-code-${build}.bin`);
      writeFileSync(file, 'old code');
      utimesSync(file, 1_600_000_000 + index * 86_400, 1_600_000_000 + index * 86_400);
      return path.basename(file);
    });
    expect((await runCli(['--version'], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir })).exitCode).toBe(0);
    const kept = codeCaches(cacheDir);
    expect(kept).toHaveLength(4);
    expect(kept).toEqual(expect.arrayContaining(leftBehind.slice(-3)));
    expect(kept.filter((name) => !leftBehind.includes(name))).toHaveLength(1);
  });

  it('ships a code cache for each vendored bundle (sucrase, sql-formatter) that V8 accepts', () => {
    const vendor = path.join(REPO_ROOT, 'dist', 'vendor');
    const bundles = readdirSync(vendor).filter((name) => name.endsWith('.cjs'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const name of bundles) {
      const file = path.join(vendor, name);
      // The text the loader compiles (bin/commonjs-script.cjs): V8 checks the cache against it.
      const script = new vm.Script(wrappedSource(file), { filename: file, cachedData: readFileSync(`${file}.code-cache`) });
      expect(script.cachedDataRejected, name).toBe(false);
    }
  });

  it('writes no code cache with SQLGEN_NO_CACHE=1', async () => {
    const cacheDir = tempProject();
    expect((await runCli(['--version'], REPO_ROOT, { SQLGEN_CACHE_DIR: cacheDir, SQLGEN_NO_CACHE: '1' })).exitCode).toBe(0);
    expect(codeCaches(cacheDir)).toEqual([]);
  });
});
