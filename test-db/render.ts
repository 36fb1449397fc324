/**
 * Scripts rendered by the built CLI with `--out`, what a user hands a DBA (the library's own
 * rendering, to check the CLI is not stale, is test/helpers/render.ts's renderFor).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScriptRequest } from '../src/compile/project-scripts.js';
import type { DialectId } from '../src/dialects/dialect-id.js';
import { REPO_ROOT, runCli } from '../test/helpers/run-cli.js';

/** A test-db fixture project folder, e.g. `fixtureProject('failing-raw-statement')`. */
export function fixtureProject(name: string): string {
  return path.join(REPO_ROOT, 'test-db/fixtures', name);
}

export interface RenderedFile {
  file: string;
  sql: string;
}

/**
 * Runs `sqlgen <command> <range> --dialect <dialect> --out <file>` in `cwd` with the built CLI
 * (`npm run build` first) and returns the file it wrote.
 *
 * @example
 * const { file } = await renderWithCli('mysql', 'upgrade', 'base:heads');
 */
export async function renderWithCli(dialect: DialectId, command: ScriptRequest['command'], range: string, cwd = REPO_ROOT): Promise<RenderedFile> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-db-render-')), `${command}-${dialect}.sql`);
  const result = await runCli([command, range, '--dialect', dialect, '--out', file], cwd);
  if (result.exitCode !== 0) {
    throw new Error(`sqlgen ${command} ${range} --dialect ${dialect} exited with ${result.exitCode} (is the CLI built? npm run build):\n${result.stderr}`);
  }
  return { file, sql: readFileSync(file, 'utf8') };
}
