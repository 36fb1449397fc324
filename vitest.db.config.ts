import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:db`: tests that apply scripts to real servers with their own clients. Start the
// servers first: bash scripts/db-servers.sh install && bash scripts/db-servers.sh start
export default defineConfig({
  test: {
    include: ['test-db/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time: the servers are shared and the machine has two cores.
    fileParallelism: false,
    env: { SQLGEN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'sqlgen-test-cache-')) },
  },
});
