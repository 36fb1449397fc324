/**
 * Bundle archives (`.tar.gz`): the same folder gives the same bytes on any machine, time zone
 * and umask, and reading one can never place a file outside its folder.
 */

import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { gzipSync } from 'fflate';
import { BundleError } from '../errors.js';
import { compareBytewise, unsafePathReason } from './bundle-path.js';
import { packTar, parseTar, type ParsedTarEntry, type TarEntry } from './tar-format.js';
import { writeNewFile } from './write-new-file.js';

/** What {@link readArchive} found: the top-level folder, and each file's bytes by path below it. */
export interface ArchiveContents {
  prefix: string;
  files: Map<string, Buffer>;
}

/** A bundle is SQL and a few small files; more than this unpacked is not one (or is a gzip bomb). */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * Packs `sourceDir` as `archiveFile` under one top-level folder `prefix/`, reproducibly: entries
 * sorted by their UTF-8 bytes, ustar headers with owner 0:0, no user or group names, mtime 0
 * (1970-01-01), modes 0644 for files and 0755 for folders; then gzip with mtime 0 and OS byte 3
 * (Unix) by fflate's pure-JS deflate, whose output does not depend on Node's zlib build or the
 * CPU. Never overwrites `archiveFile`.
 *
 * @example writeDeterministicArchive('output/bundle-7c9e2b4a1d30', 'bundle-7c9e2b4a1d30', 'output/bundle-7c9e2b4a1d30.tar.gz');
 * @throws {BundleError} ARCHIVE_INVALID when `prefix` or a path below `sourceDir` cannot be an
 *   entry, or something there is neither a regular file nor a folder.
 * @throws {WriteError} when `archiveFile` exists or cannot be written.
 */
export function writeDeterministicArchive(sourceDir: string, prefix: string, archiveFile: string): void {
  const unsafe = prefix.includes('/') ? 'has more than one segment' : unsafePathReason(prefix);
  if (unsafe) throw new BundleError('ARCHIVE_INVALID', `cannot use ${JSON.stringify(prefix)} as the archive's top-level folder: it ${unsafe}`, 'name the folder with one plain path segment');
  const entries = [{ name: `${prefix}/` }, ...folderEntries(sourceDir, prefix)].sort((a, b) => compareBytewise(a.name, b.name));
  const archive = gzipSync(packTar(entries), { level: 9, mtime: 0 });
  writeNewFile(archiveFile, archive, 0o644, 'move the existing archive away, or write the bundle elsewhere');
}

/**
 * Reads a bundle archive into memory, without writing anything to disk. Every entry must be a
 * regular file or folder inside one top-level folder, at a relative path without `.` or `..`.
 *
 * @example readArchive('bundle-7c9e2b4a1d30.tar.gz').files.get('SHA256SUMS')
 * @throws {BundleError} ARCHIVE_INVALID naming `archiveFile` (and the entry) when it cannot be
 *   read, is not gzip-compressed tar, or holds a link, device, absolute or escaping path, a
 *   duplicate, or a second top-level folder.
 */
export function readArchive(archiveFile: string): ArchiveContents {
  const fail = (problem: string, cause?: unknown): never => {
    throw new BundleError('ARCHIVE_INVALID', `${archiveFile}: ${problem}`, 'the archive is damaged or was not made by sqlgen; get the original again', { file: archiveFile }, { cause });
  };
  const contents: ArchiveContents = { prefix: '', files: new Map() };
  const seen = new Set<string>();
  for (const entry of parseTar(unpackGzip(archiveFile, fail), fail)) {
    const problem = entryProblem(entry, seen);
    if (problem) fail(`entry ${JSON.stringify(entry.name)} ${problem}`);
    seen.add(entry.name);
    const [top = '', ...below] = withoutTrailingSlash(entry.name).split('/');
    contents.prefix ||= top;
    if (top !== contents.prefix) fail(`entry ${JSON.stringify(entry.name)} is outside the top-level folder ${contents.prefix}/`);
    if (entry.kind === 'file') contents.files.set(below.join('/'), entry.body);
  }
  if (!contents.prefix) fail('holds no entries');
  const empty = emptyFolder(seen, contents);
  if (empty) fail(`entry ${JSON.stringify(empty)} is an empty folder; a bundle has none`);
  return contents;
}

/** A folder entry with no file below it: a bundle is exactly its files, and the folders they need. */
function emptyFolder(names: Set<string>, contents: ArchiveContents): string | undefined {
  const needed = new Set([`${contents.prefix}/`]);
  for (const file of contents.files.keys()) {
    const parts = `${contents.prefix}/${file}`.split('/');
    for (let depth = 1; depth < parts.length; depth++) needed.add(`${parts.slice(0, depth).join('/')}/`);
  }
  return [...names].find((name) => name.endsWith('/') && !needed.has(name));
}

/** Every file and folder below `sourceDir`, named `prefix/<relative path>` (folders end with `/`). */
function folderEntries(sourceDir: string, prefix: string): TarEntry[] {
  return readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).map((relative) => {
    const name = `${prefix}/${relative.split(path.sep).join('/')}`;
    const absolute = path.join(sourceDir, relative);
    const stats = lstatSync(absolute);
    const unsafe = unsafePathReason(name) ?? (stats.isFile() || stats.isDirectory() ? undefined : `is a ${kindOf(stats)}`);
    if (unsafe) throw new BundleError('ARCHIVE_INVALID', `cannot archive ${JSON.stringify(name)}: it ${unsafe}`, 'a bundle folder holds only regular files and folders with plain names', { file: absolute });
    return stats.isDirectory() ? { name: `${name}/` } : { name, body: readFileSync(absolute) };
  });
}

function kindOf(stats: Stats): string {
  return stats.isSymbolicLink() ? 'symbolic link' : 'special file';
}

/**
 * The tar stream of a gzip file that is exactly one member: `gunzip` (and Node's zlib) go on
 * into a second member, so content appended that way would be extracted though never verified.
 */
function unpackGzip(archiveFile: string, fail: (problem: string, cause?: unknown) => never): Buffer {
  let packed: Buffer;
  try {
    if (statSync(archiveFile).size > MAX_UNPACKED_BYTES) return fail(`is larger than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB; a bundle is not`);
    packed = readFileSync(archiveFile);
  } catch (error) {
    return fail(`cannot read the archive (${(error as NodeJS.ErrnoException).code ?? 'error'})`, error);
  }
  const start = gzipHeaderLength(packed) ?? fail('not a gzip-compressed archive');
  let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    inflated = inflateRawSync(packed.subarray(start), { info: true, maxOutputLength: MAX_UNPACKED_BYTES }) as unknown as typeof inflated;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ERR_BUFFER_TOO_LARGE' ? `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB` : `not a gzip-compressed archive, or damaged (${code ?? 'error'})`, error);
  }
  const trailer = start + inflated.engine.bytesWritten;
  const tar = inflated.buffer;
  if (packed.length < trailer + GZIP_TRAILER) fail('damaged: the gzip stream is truncated');
  if (packed.readUInt32LE(trailer) !== crc32(tar) || packed.readUInt32LE(trailer + 4) !== tar.length % 2 ** 32) fail('damaged: the gzip checksum does not match');
  if (packed.length > trailer + GZIP_TRAILER) fail('holds data after its gzip stream (a second gzip member or appended bytes)');
  return tar;
}

const GZIP_TRAILER = 8;
const GZIP_FLAG = { headerCrc: 2, extra: 4, name: 8, comment: 16, reserved: 0xe0 } as const;

/** Length of a gzip member's header (RFC 1952), or undefined when `packed` does not start with one. */
function gzipHeaderLength(packed: Buffer): number | undefined {
  if (packed.length < 10 || packed[0] !== 0x1f || packed[1] !== 0x8b || packed[2] !== 8) return undefined;
  const flags = packed[3]!;
  if (flags & GZIP_FLAG.reserved) return undefined;
  let offset = 10;
  if (flags & GZIP_FLAG.extra) offset += 2 + (packed.length >= offset + 2 ? packed.readUInt16LE(offset) : 0);
  for (const flag of [GZIP_FLAG.name, GZIP_FLAG.comment]) if (flags & flag) offset = packed.indexOf(0, offset) + 1 || packed.length + 1;
  if (flags & GZIP_FLAG.headerCrc) offset += 2;
  return offset <= packed.length ? offset : undefined;
}

/** Why an entry cannot be bundle content, or undefined when it can. */
function entryProblem(entry: ParsedTarEntry, seen: Set<string>): string | undefined {
  if (entry.kind !== 'file' && entry.kind !== 'folder') return `is a ${entry.kind}; a bundle holds only files and folders`;
  const unsafe = unsafePathReason(entry.kind === 'folder' ? withoutTrailingSlash(entry.name) : entry.name);
  if (unsafe) return unsafe;
  if (entry.kind === 'file' && !entry.name.includes('/')) return 'is a file outside any folder';
  return seen.has(entry.name) ? 'appears twice' : undefined;
}

function withoutTrailingSlash(name: string): string {
  return name.endsWith('/') ? name.slice(0, -1) : name;
}
