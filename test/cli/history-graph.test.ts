import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyExampleProject } from '../helpers/example-project.js';
import { expectGolden } from '../helpers/render.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

describe.concurrent('sqlgen history --graph', () => {
  test('draws the example project: the merge, its two branches and the branch point', async () => {
    const result = await runCli(['history', '--graph'], REPO_ROOT);
    expect(result.exitCode, result.stderr).toBe(0);
    expectGolden('history/example.graph.txt', result.stdout);
  });

  test('marks a dependency across branches with a dashed arrow, and --json carries the drawing', async () => {
    const root = copyExampleProject();
    const file = path.join(root, 'revisions/5b8d1f3e9a27_add_loyalty_points.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("  message: 'add loyalty points',", "  message: 'add loyalty points',\n  dependsOn: ['6e0a4c2d7f18'],"));
    const result = await runCli(['history', '--graph'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    expectGolden('history/merge-and-dependency.graph.txt', result.stdout);
    const json = JSON.parse((await runCli(['history', '--graph', '--json'], root)).stdout) as { graph: string[] };
    expect(`${json.graph.join('\n')}\n`).toBe(result.stdout);
  });
});
