// After bundling (`npm run build`): runs the CLI once on the example project, as a user's first
// run would, and ships the V8 code cache that run made as dist/sqlgen.cjs.code-cache (and those of
// the vendored bundles it loaded, dist/vendor/*.cjs.code-cache). Like the
// bytecode Python compiles when a package is installed, it spares a fresh install compiling
// sqlgen's own code on every run until the user's cache exists; the user's project is never in
// it. bin/run.js uses it when the user has no code cache of their own, and V8 rejects it
// (harmlessly) on another Node version.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'sqlgen-code-cache-'));
try {
  rmSync(path.join(root, 'dist', 'sqlgen.cjs.code-cache'), { force: true });
  // A bundle without rehearsal goes through loading, compiling, formatting, linting and writing.
  const args = [path.join(root, 'bin', 'run.js'), 'bundle', '--no-rehearse', '--force', '--out', path.join(scratch, 'out')];
  // With caches of its own still empty, the run also compiles the vendored bundles (sucrase, sql-formatter): their code caches are written at its end.
  const env = { ...process.env, SQLGEN_CACHE_DIR: path.join(scratch, 'cache'), SQLGEN_WRITE_VENDOR_CODE_CACHE: '1' };
  const run = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`making the code cache: sqlgen exited with ${run.status}\n${run.stderr}`);
  const [made] = readdirSync(path.join(scratch, 'cache')).filter((name) => name.startsWith('cli-code-'));
  if (!made) throw new Error('making the code cache: the run wrote none');
  copyFileSync(path.join(scratch, 'cache', made), path.join(root, 'dist', 'sqlgen.cjs.code-cache'));
  const vendored = readdirSync(path.join(root, 'dist', 'vendor')).filter((name) => name.endsWith('.cjs'));
  const missing = vendored.filter((name) => !existsSync(path.join(root, 'dist', 'vendor', `${name}.code-cache`)));
  if (missing.length > 0) throw new Error(`making the code cache: the run did not load ${missing.join(', ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
