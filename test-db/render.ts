/**
 * Scripts rendered by the built CLI with `--out`, what a user hands a DBA (the library's own
 * rendering, to check the CLI is not stale, is test/helpers/render.ts's renderFor).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScriptRequest } from '../src/compile/project-scripts.js';
import type { DialectId } from '../src/dialects/dialect-id.js';
import { copyExampleProject } from '../test/helpers/example-project.js';
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

/** A bundle of the example project written by the CLI for `dialect`, and the per-revision files its manifest lists. */
export async function bundleFor(dialect: string, flags: string[] = []): Promise<{ folder: string; ups: string[]; downs: string[] }> {
  const root = copyExampleProject();
  const result = await runCli(['bundle', '--dialect', dialect, ...flags], root);
  if (result.exitCode !== 0) throw new Error(`sqlgen bundle --dialect ${dialect} failed:\n${result.stderr}`);
  const folder = path.join(root, result.stdout.trim());
  // What a DBA would do first: check the files with the standard tool.
  execFileSync('sha256sum', ['--strict', '--quiet', '-c', 'SHA256SUMS'], { cwd: folder });
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { revisions: Array<{ upgrade: { file: string }; downgrade: { file: string } }> };
  return {
    folder,
    ups: manifest.revisions.map((revision) => path.join(folder, revision.upgrade.file)),
    downs: manifest.revisions.map((revision) => path.join(folder, revision.downgrade.file)).reverse(),
  };
}

