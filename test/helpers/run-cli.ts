import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO_ROOT, 'bin/run.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`bin/run.js`) as a user would, from `cwd`, with `stdin` as its standard input. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

/** A fresh copy of a fixture folder (symlinks kept), so a test may run commands inside it. */
export function copyFixture(fixture: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'sqlgen-fixture-'));
  cpSync(fixture, target, { recursive: true, verbatimSymlinks: true });
  return target;
}

/** Every path below `root` with its content (or link target): equal snapshots mean nothing was written. */
export function snapshotTree(root: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const relative = path.relative(root, full);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) snapshot[relative] = `-> ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        snapshot[relative + '/'] = '';
        walk(full);
      } else snapshot[relative] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return snapshot;
}
