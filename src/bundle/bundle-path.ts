/**
 * Paths of files inside a bundle: relative, `/`-separated, with no `.`, `..` or empty segment,
 * so that neither a checksum list nor an archive can name a file outside the bundle.
 */

const ABSOLUTE = /^(?:\/|[A-Za-z]:)/;
// Backslashes and control characters: GNU sha256sum escapes them, and on Windows `\` separates.
const AWKWARD_CHARACTER = /[\\\u0000-\u001f\u007f]/;

/**
 * Why `relativePath` cannot name a file inside a bundle (`is …` or `has …`), or undefined when it can.
 *
 * @example unsafePathReason('sql/001.sql') // undefined
 * @example unsafePathReason('../evil') // 'has a ".." segment'
 */
export function unsafePathReason(relativePath: string): string | undefined {
  if (relativePath === '') return 'is empty';
  if (ABSOLUTE.test(relativePath)) return 'is absolute';
  if (AWKWARD_CHARACTER.test(relativePath)) return 'has a backslash or control character';
  const segments = relativePath.split('/');
  if (segments.includes('..')) return 'has a ".." segment';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'has an empty or "." segment';
  return undefined;
}

/** Orders paths by their UTF-8 bytes, like `LC_ALL=C sort`: the same order on every machine. */
export function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
