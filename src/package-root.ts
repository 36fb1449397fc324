import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * sqlgen's own package folder (where its package.json, templates/ and dist/ are), found by
 * walking up from this module: it runs from `src/` under the tests, from `dist/` as a library,
 * and from the bundled CLI `dist/sqlgen.cjs`, each at a different depth.
 */
export const PACKAGE_ROOT = packageRootAbove(path.dirname(fileURLToPath(import.meta.url)));

function packageRootAbove(folder: string): string {
  if (existsSync(path.join(folder, 'package.json'))) return folder;
  const parent = path.dirname(folder);
  if (parent === folder) throw new Error(`sqlgen is installed without its package.json (looked up from ${fileURLToPath(import.meta.url)})`);
  return packageRootAbove(parent);
}

/** A file of the built sqlgen (`dist/`), whichever of the three runs. */
export function builtFile(relative: string): string {
  return path.join(PACKAGE_ROOT, 'dist', relative);
}

/**
 * The bundled CLI's build (a hash of `dist/sqlgen.cjs`, written beside it by the build), or
 * undefined when sqlgen runs from its sources or as a library: caches of compiled output are
 * keyed by it, since the version number does not change with every build.
 */
export function sqlgenBuildId(): string | undefined {
  if (!fileURLToPath(import.meta.url).endsWith(`${path.sep}dist${path.sep}sqlgen.cjs`)) return undefined;
  try {
    return readFileSync(builtFile('sqlgen.build-id'), 'utf8').trim();
  } catch {
    return undefined;
  }
}
