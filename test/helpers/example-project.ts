import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './run-cli.js';

/** What the example project's countries revision inserts, written out so tests do not read the revision. */
export const EXAMPLE_COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['CI', "Côte d'Ivoire"],
  ['IS', 'Ísland'],
  ['JP', '日本'],
  ['LA', "Lao People's Democratic Republic"],
  ['NL', 'Nederland'],
  ['XK', 'Kosovo \\ "provisional"'],
];

/**
 * A throw-away copy of the example project (config and revisions; templates are sqlgen's own),
 * so a test may write bundles into its `output/` or edit a revision.
 */
export function copyExampleProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-example-'));
  for (const entry of ['sqlgen.config.json', 'revisions']) cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  return root;
}
