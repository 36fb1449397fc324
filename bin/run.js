#!/usr/bin/env node
// Runs the bundled CLI (dist/sqlgen.cjs, see src/cli/main.ts) with V8's code cache: once modules
// are no longer resolved one by one, compiling the bundle's functions is the largest start-up cost
// left. Node 20 has no module.enableCompileCache, so the bundle is compiled here as a classic
// script, with the code V8 made on an earlier run kept in sqlgen's cache folder, or else the
// one the build shipped (scripts/ship-code-cache.js).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommonJs } from './commonjs-script.cjs';

const bundle = fileURLToPath(new URL('../dist/sqlgen.cjs', import.meta.url));
const cli = loadBundle(bundle, codeCacheFile(bundle, process.env), `${bundle}.code-cache`);
await cli.execute({ dir: import.meta.url });

/**
 * Runs the bundle with cached code when there is some. oclif loads its command and hook target
 * with require(): it gets this module, which runCommonJs puts in require.cache.
 */
function loadBundle(file, cacheFile, shippedCacheFile) {
  const ownCache = readIfPresent(cacheFile);
  const { exports, script } = runCommonJs(file, ownCache ?? readIfPresent(shippedCacheFile));
  if (cacheFile && (!ownCache || script.cachedDataRejected)) {
    // At exit, so the cache also holds the functions this run compiled lazily.
    process.once('exit', () => saveCodeCache(cacheFile, script));
  }
  return exports;
}

/** Named by the bundle file's identity and Node's version: V8 rejects code made by another. */
function codeCacheFile(file, env) {
  if (env.SQLGEN_NO_CACHE === '1') return null;
  const folder = env.SQLGEN_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'sqlgen');
  const { size, mtimeMs, ino } = statSync(file);
  const identity = [size, Math.round(mtimeMs * 1000), ino, process.version, process.arch].join('-');
  return path.join(folder, `cli-code-${identity}.bin`);
}

function readIfPresent(file) {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Written aside and renamed, so a concurrent run never reads half a file; a failure only costs speed. */
function saveCodeCache(file, script) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    pruneCodeCaches(path.dirname(file));
  } catch {
    // A read-only home or a full disk only costs speed next time.
  }
}

/** Code caches kept: each build of sqlgen writes its own (about 2 MB); a few installs side by side keep theirs. */
const CODE_CACHES_KEPT = 4;

/** Removes all but the newest code caches, which older builds of sqlgen left behind. */
function pruneCodeCaches(folder) {
  const caches = readdirSync(folder)
    .filter((name) => /^cli-code-.*\.bin$/.test(name))
    .map((name) => ({ file: path.join(folder, name), writtenMs: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.writtenMs - a.writtenMs);
  for (const { file } of caches.slice(CODE_CACHES_KEPT)) rmSync(file, { force: true });
}
