import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Keep the transpile cache of every test run (and the CLIs it spawns) out of the user's home.
    env: { SQLGEN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'sqlgen-test-cache-')) },
  },
});
