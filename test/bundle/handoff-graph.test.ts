import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { mermaidGraph } from '../../src/bundle/mermaid-graph.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { expectGolden } from '../helpers/render.js';
import { runCli } from '../helpers/run-cli.js';

describe('mermaidGraph', () => {
  test('revisions in upgrade order; what the bundle builds on is dashed; labels stay inside their quotes', () => {
    const lines = mermaidGraph(
      [
        { id: 'bbbb', parents: ['aaaa'], dependsOn: [], branchLabels: [], message: 'say "hi" <b>' },
        { id: 'cccc', parents: ['bbbb'], dependsOn: ['dddd'], branchLabels: ['side'], message: 'end' },
      ],
      'cccc',
    );
    expect(lines).toEqual([
      'graph TD',
      '  r_aaaa(["aaaa<br/>already applied"]):::applied',
      '  r_dddd(["dddd<br/>already applied"]):::applied',
      '  r_bbbb["bbbb<br/>say #quot;hi#quot; #lt;b#gt;"]',
      '  r_cccc["cccc (to, side)<br/>end"]',
      '  r_aaaa --> r_bbbb',
      '  r_bbbb --> r_cccc',
      '  r_dddd -. depends on .-> r_cccc',
      '  classDef applied stroke-dasharray: 4 4',
    ]);
  });
});

describe.concurrent("the bundle's handoff README", () => {
  test('of the example project, from base: golden, with its graph as a Mermaid diagram', async () => {
    const root = copyExampleProject();
    const result = await runCli(['bundle', '--name', 'e'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    expectGolden('example/handoff.README.md', readFileSync(path.join(root, 'output/e/README.md'), 'utf8'));
  });

  test('of a middle range with a merge and a dependency: golden', async () => {
    const root = copyExampleProject();
    const file = path.join(root, 'revisions/5b8d1f3e9a27_add_loyalty_points.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("  message: 'add loyalty points',", "  message: 'add loyalty points',\n  dependsOn: ['6e0a4c2d7f18'],"));
    const result = await runCli(['bundle', '--name', 'm', '--from', '4c5d6e7f8a9b', '--to', 'head'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    expectGolden('example/handoff-merge-dependency.README.md', readFileSync(path.join(root, 'output/m/README.md'), 'utf8'));
  });
});
