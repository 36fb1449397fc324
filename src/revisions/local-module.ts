import { existsSync } from 'node:fs';
import path from 'node:path';

const LOCAL_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** A relative specifier (`./x`, `../x`): the only imports sqlgen resolves itself and records in the sum. */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^\.\.?(\/|$)/.test(specifier);
}

/**
 * The code file a relative import names, as TypeScript's NodeNext resolution finds it:
 * `./helpers`, `./helpers.js` written for a `.ts` file, or `./lib/index`. Undefined when no
 * code file matches (a `.json` file, say, which Node resolves as it is).
 */
export function resolveLocalModule(base: string): string | undefined {
  const stem = base.replace(/\.([cm]?)js$/, '');
  const sameKind = /\.([cm]?)js$/.exec(base)?.[1];
  const typed = sameKind === undefined ? [] : [`${stem}.${sameKind}ts`];
  const candidates = [base, ...typed, ...LOCAL_EXTENSIONS.map((ext) => stem + ext), ...LOCAL_EXTENSIONS.map((ext) => path.join(base, 'index' + ext))];
  return candidates.find((candidate) => /\.[cm]?[jt]s$/.test(candidate) && existsSync(candidate));
}

/** A local file a relative import names: the code file it resolves to, or the file itself (`./seed.json`). */
export function resolveLocalFile(base: string): string | undefined {
  return resolveLocalModule(base) ?? (existsSync(base) && !base.endsWith(path.sep) ? base : undefined);
}

/** Whether a file is CommonJS by its extension alone (`.cjs`, `.cts`). */
export function isCommonJsFile(file: string): boolean {
  return /\.c[jt]s$/.test(file);
}
