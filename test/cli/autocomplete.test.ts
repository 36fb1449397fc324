import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

// oclif keeps the completion cache in its cacheDir, which SQLGEN_CACHE_DIR moves, as it moves sqlgen's own cache.
test('shell completion: `autocomplete --refresh-cache` writes completions for every command and its flags, offline', async () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'sqlgen-autocomplete-'));
  const built = await runCli(['autocomplete', '--refresh-cache'], REPO_ROOT, { SQLGEN_CACHE_DIR: cache });
  expect(built.exitCode, built.stderr).toBe(0);
  const result = await runCli(['autocomplete', 'script', 'bash'], REPO_ROOT, { SQLGEN_CACHE_DIR: cache });
  expect(result.exitCode, result.stderr).toBe(0);
  expect(result.stdout).toContain(`SQLGEN_AC_BASH_SETUP_PATH=${cache}/autocomplete/bash_setup`);
  const functions = readFileSync(path.join(cache, 'autocomplete/functions/bash/sqlgen.bash'), 'utf8');
  expect(functions).toMatch(/history [^\n"]*--graph/);
  expect(functions).toMatch(/revision [^\n"]*--format/);
  expect(functions).toContain('bundle');
});
