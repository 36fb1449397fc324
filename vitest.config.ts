import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Set-up hooks that write a signed bundle with the CLI take a few seconds, more on a busy machine.
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one fork per core minus one: a single fork on a 2-core machine. Many
    // tests wait on a CLI child process, so two forks keep both cores busy.
    maxWorkers: 2,
    // Each fork keeps its modules from one test file to the next instead of loading them again
    // (the suite spent about 46 s of its 5-minute budget importing): tests must not rely on a
    // fresh module state, and put back what they change.
    isolate: false,
    // Keep the transpile cache of every test run (and the CLIs it spawns) out of the user's home.
    env: { SQLGEN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'sqlgen-test-cache-')) },
  },
});
