import { BundleError } from '../errors.js';
import { compareBytewise, unsafePathReason } from './bundle-path.js';

/** One line of a SHA256SUMS file. */
export interface ChecksumEntry {
  /** Relative to the folder that holds SHA256SUMS, `/`-separated. */
  path: string;
  /** 64 lowercase hex digits. */
  sha256: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// GNU's line: digest, a space, ' ' (text mode) or '*' (binary mode), then the path.
const CHECKSUM_LINE = /^([0-9a-f]{64}) [ *]([^\n]+)$/;

/**
 * A SHA256SUMS file that `sha256sum -c SHA256SUMS` checks: one `<digest>  <path>` line per
 * entry, sorted by the paths' bytes so that the same files always give the same text.
 *
 * @example renderSha256Sums([{ path: 'up.sql', sha256 }]) // `${sha256}  up.sql\n`
 * @throws {BundleError} BUNDLE_INVALID for a path GNU would escape or that leaves the folder,
 *   a malformed digest, or a path listed twice.
 */
export function renderSha256Sums(entries: ChecksumEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareBytewise(a.path, b.path));
  sorted.forEach((entry, index) => {
    const problem = listingProblem(entry, entry.path === sorted[index - 1]?.path);
    if (problem) throw new BundleError('BUNDLE_INVALID', `cannot write SHA256SUMS: ${problem}`, 'name bundle files by relative "/"-separated paths without backslashes, control characters, "." or ".." segments');
  });
  return sorted.map((entry) => `${entry.sha256}  ${entry.path}\n`).join('');
}

/**
 * The digests a SHA256SUMS file lists, by path, in file order. `file` names it in errors.
 *
 * @example parseSha256Sums(`${sha256}  up.sql\n`, 'SHA256SUMS') // Map { 'up.sql' => sha256 }
 * @throws {BundleError} BUNDLE_INVALID naming `file` and the line of the first line that is not
 *   `<64 lowercase hex> <space or *><path>`, lists a path twice, or names a path outside the folder.
 */
export function parseSha256Sums(text: string, file: string): Map<string, string> {
  const digests = new Map<string, string>();
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  lines.forEach((line, index) => {
    const entry = parseChecksumLine(line);
    const problem = entry ? listingProblem(entry, digests.has(entry.path)) : 'not a checksum line (expected "<64 lowercase hex digits>  <path>")';
    if (problem || !entry) {
      throw new BundleError('BUNDLE_INVALID', `${file}:${index + 1}: ${problem}`, 'regenerate the bundle, or restore SHA256SUMS from the original', { file, line: index + 1 });
    }
    digests.set(entry.path, entry.sha256);
  });
  return digests;
}

function parseChecksumLine(line: string): ChecksumEntry | undefined {
  const [, sha256, path] = CHECKSUM_LINE.exec(line) ?? [];
  return sha256 !== undefined && path !== undefined ? { path, sha256 } : undefined;
}

/** What makes `entry` unfit for a SHA256SUMS line, or undefined when it is fit. */
function listingProblem(entry: ChecksumEntry, listedBefore: boolean): string | undefined {
  const shown = JSON.stringify(entry.path);
  const unsafe = unsafePathReason(entry.path);
  if (unsafe) return `${shown} ${unsafe}`;
  if (!SHA256_HEX.test(entry.sha256)) return `${shown} has no lowercase hex SHA-256 digest`;
  return listedBefore ? `${shown} is listed twice` : undefined;
}
