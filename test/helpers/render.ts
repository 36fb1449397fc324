import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { renderProjectScript, type ScriptRequest } from '../../src/compile/project-scripts.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';
import { openProject } from '../../src/project.js';
import { REPO_ROOT } from './run-cli.js';

/** The SQL sqlgen renders for the project in `root` (default: the example project). */
export async function renderFor(dialect: DialectId, request: ScriptRequest, root = REPO_ROOT): Promise<string> {
  const project = await openProject({ cwd: root, env: {}, flags: { dialect } });
  return (await renderProjectScript(project, request)).sql;
}

/**
 * Compares `actual` with the golden file `test/golden/<name>`; `UPDATE_GOLDEN=1` rewrites it.
 * A golden file is reviewed in diffs like code: it is the product.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(REPO_ROOT, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
