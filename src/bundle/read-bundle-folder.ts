/**
 * Reading a bundle folder for `verify` without trusting it: names that are not UTF-8, links,
 * folders nested without end and files of any size are findings, not crashes, and files are
 * hashed as streams, so memory does not grow with the bundle.
 */

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** What {@link readBundleFolder} found: each regular file's digest, and the bytes of the few small ones asked for. */
export interface FolderContents {
  digests: Map<string, string>;
  bytes: Map<string, Buffer>;
  /** Names that are not bundle content (links, devices, undecodable or too deep), with why. */
  refused: Array<{ file: string; detail: string }>;
}

/** sqlgen writes `revisions/` one level down; far deeper is not a bundle, and would outgrow PATH_MAX. */
const MAX_DEPTH = 16;
const CHUNK = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Walks `root` (iteratively) and hashes every regular file; keeps the bytes of `keep` files.
 * Stops adding bytes past `maxBytes` in all: the rest are refused as too large.
 *
 * @example readBundleFolder('output/b', new Set(['manifest.json']), 256 * 1024 * 1024).digests.get('upgrade.sql')
 */
export function readBundleFolder(root: string, keep: ReadonlySet<string>, maxBytes: number): FolderContents {
  const contents: FolderContents = { digests: new Map(), bytes: new Map(), refused: [] };
  let total = 0;
  const pending: Array<{ relative: string; depth: number }> = [{ relative: '', depth: 0 }];
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    for (const entry of readdirSync(path.join(root, folder.relative), { withFileTypes: true, encoding: 'buffer' }) as unknown as Array<Dirent<Buffer>>) {
      const name = decodeName(entry.name);
      const file = folder.relative ? `${folder.relative}/${name ?? entry.name.toString('utf8')}` : (name ?? entry.name.toString('utf8'));
      const refuse = (detail: string) => contents.refused.push({ file, detail });
      if (name === undefined) refuse('its name is not valid UTF-8; a bundle names its files in UTF-8');
      else if (entry.isDirectory()) {
        if (folder.depth + 1 >= MAX_DEPTH) refuse(`a folder nested ${MAX_DEPTH} deep; a bundle is not`);
        else pending.push({ relative: file, depth: folder.depth + 1 });
      } else if (!entry.isFile()) refuse(`a ${entry.isSymbolicLink() ? 'symbolic link' : 'special file'}, not a regular file; a bundle holds only files and folders`);
      else {
        const hashed = hashFile(path.join(root, file), maxBytes - total, keep.has(file));
        if ('tooLarge' in hashed) refuse(`${hashed.tooLarge} bytes would make the bundle larger than ${maxBytes / 1024 / 1024} MiB; a bundle is not`);
        else {
          total += hashed.size;
          contents.digests.set(file, hashed.sha256);
          if (hashed.bytes) contents.bytes.set(file, hashed.bytes);
        }
      }
    }
  }
  return contents;
}

function decodeName(name: Buffer): string | undefined {
  try {
    return utf8.decode(name);
  } catch {
    return undefined;
  }
}

type Hashed = { sha256: string; size: number; bytes?: Buffer } | { tooLarge: number };

/** The file's SHA-256, read in chunks; it is not followed if it became a link meanwhile. */
function hashFile(file: string, budget: number, keep: boolean): Hashed {
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const { size } = fstatSync(descriptor);
    if (size > budget) return { tooLarge: size };
    const hash = createHash('sha256');
    const kept: Buffer[] = [];
    const chunk = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    let read = 0;
    for (let length; (length = readSync(descriptor, chunk, 0, chunk.length, null)) > 0; ) {
      read += length;
      if (read > budget) return { tooLarge: read }; // grew while being read
      hash.update(chunk.subarray(0, length));
      if (keep) kept.push(Buffer.from(chunk.subarray(0, length)));
    }
    return { sha256: hash.digest('hex'), size: read, ...(keep && { bytes: Buffer.concat(kept) }) };
  } finally {
    closeSync(descriptor);
  }
}
