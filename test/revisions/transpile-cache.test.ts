import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRevisions } from '../../src/revisions/load-revisions.js';
import { tempProject } from '../helpers/temp-project.js';

const SOURCE = `export default { id: 'aaaa0001', parents: [], message: 'from source', upgrade() {} };`;

function setup() {
  const root = tempProject({ 'revisions/aaaa0001_a.ts': SOURCE });
  const cacheDir = tempProject();
  const env = { SQLGEN_CACHE_DIR: cacheDir };
  const load = (extraEnv: NodeJS.ProcessEnv = {}) => loadRevisions(path.join(root, 'revisions'), root, { ...env, ...extraEnv });
  const cacheFile = () => path.join(cacheDir, readdirSync(cacheDir)[0]!);
  return { root, cacheDir, load, cacheFile };
}

describe('transpile cache', () => {
  it('stores transpiled code keyed by the source hash, and reads it back', async () => {
    const { load, cacheFile } = setup();
    expect((await load())[0]!.message).toBe('from source');
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { stamp: string; entries: Record<string, string> };
    const [key] = Object.keys(cache.entries);
    expect(key).toMatch(/^[0-9a-f]{64}\.ts$/);
    // Prove the second load reads the cache: plant different code under the same key.
    cache.entries[key!] = cache.entries[key!]!.replace('from source', 'from cache');
    writeFileSync(cacheFile(), JSON.stringify(cache));
    expect((await load())[0]!.message).toBe('from cache');
  });

  it('transpiles again when the source changes', async () => {
    const { root, load } = setup();
    await load();
    writeFileSync(path.join(root, 'revisions/aaaa0001_a.ts'), SOURCE.replace('from source', 'edited'));
    expect((await load())[0]!.message).toBe('edited');
  });

  it('ignores a corrupt cache file or one written by another version', async () => {
    const { load, cacheFile } = setup();
    await load();
    writeFileSync(cacheFile(), '{not json');
    expect((await load())[0]!.message).toBe('from source');
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { stamp: string; entries: Record<string, string> };
    for (const key of Object.keys(cache.entries)) cache.entries[key] = 'throw new Error("stale")';
    writeFileSync(cacheFile(), JSON.stringify({ ...cache, stamp: 'sqlgen 0.0.0' }));
    expect((await load())[0]!.message).toBe('from source');
  });

  it('writes nothing with SQLGEN_NO_CACHE=1', async () => {
    const { load, cacheDir } = setup();
    await load({ SQLGEN_NO_CACHE: '1' });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('keeps working when the cache folder cannot be created', async () => {
    const { root } = setup();
    const blocker = path.join(tempProject({ 'file': 'x' }), 'file');
    const revisions = await loadRevisions(path.join(root, 'revisions'), root, { SQLGEN_CACHE_DIR: path.join(blocker, 'sub') });
    expect(revisions[0]!.message).toBe('from source');
    expect(existsSync(path.join(blocker, 'sub'))).toBe(false);
  });
});
