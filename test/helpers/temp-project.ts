import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away project folder with the given files (paths relative to it). */
export function tempProject(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-test-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}
