/** Runs render_alembic.py once for many projects: Alembic's own offline scripts for each request. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AlembicRequest {
  command: 'upgrade' | 'downgrade' | 'stamp';
  range: string;
  /** The version rows at the start, when they are not the one revision the range starts from. */
  startingRows?: string[];
}

export type AlembicResult = { sql: string; warnings?: string[] } | { error: string };

const DRIVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'render_alembic.py');

/** Debian's `alembic` package installs the module for the system Python. */
export const PYTHON = process.env.SQLGEN_TEST_PYTHON || '/usr/bin/python3';

/** Results per project and request, in the order given. */
export function renderWithAlembic(projects: readonly { dir: string; requests: readonly AlembicRequest[] }[]): Promise<AlembicResult[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new Error(`cannot run ${PYTHON} (${error.message}): install Alembic with \`bash scripts/db-servers.sh install\``)));
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${PYTHON} ${DRIVER} exited with ${code} (is Alembic installed? bash scripts/db-servers.sh install):\n${Buffer.concat(stderr).toString('utf8')}`));
        return;
      }
      resolve((JSON.parse(Buffer.concat(stdout).toString('utf8')) as { projects: AlembicResult[][] }).projects);
    });
    child.stdin.end(JSON.stringify({ projects }));
  });
}
