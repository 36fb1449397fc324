/**
 * The ustar (POSIX.1-1988) tar format, reduced to what a bundle needs: regular files and
 * folders, owned by 0:0, with fixed modes and mtime, so that the same entries always give the
 * same bytes. Reading also accepts GNU tar's headers for such entries, so that a bundle
 * re-packed with GNU tar still reads, and reports every other kind of entry for refusal.
 */

import { BundleError } from '../errors.js';

/** A file (with `body`) or a folder (without, name ending in `/`) to pack. */
export interface TarEntry {
  name: string;
  body?: Uint8Array;
}

/** An entry as found in an archive. Only `file` and `folder` kinds are bundle content. */
export interface ParsedTarEntry {
  name: string;
  kind: string;
  body: Buffer;
}

const BLOCK = 512;
const FILE_MODE = 0o644;
const FOLDER_MODE = 0o755;
/** The epoch: no clock or time zone reaches the bytes. */
const FIXED_MTIME = 0;

/** Offset and length of each header field used here. */
const FIELD = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  checksum: [148, 8],
  type: [156, 1],
  magic: [257, 8],
  prefix: [345, 155],
} as const satisfies Record<string, readonly [number, number]>;
type Field = keyof typeof FIELD;

const POSIX_MAGIC = 'ustar\u000000';
const GNU_MAGIC = 'ustar  \u0000';

/** What each type flag stands for; a NUL flag is a pre-POSIX regular file. */
const KINDS: Record<string, string> = {
  '0': 'file',
  '\u0000': 'file',
  '5': 'folder',
  '1': 'hard link',
  '2': 'symbolic link',
  '3': 'character device',
  '4': 'block device',
  '6': 'FIFO',
  x: 'pax extended header',
  g: 'pax global header',
  L: 'GNU long name',
  K: 'GNU long link name',
};

/**
 * A ustar stream of `entries`, in the order given, ended by two zero blocks.
 *
 * @example packTar([{ name: 'bundle/' }, { name: 'bundle/up.sql', body: Buffer.from('select 1;\n') }])
 * @throws {BundleError} ARCHIVE_INVALID when a name does not fit ustar's 100 + 155 bytes.
 */
export function packTar(entries: TarEntry[]): Buffer {
  return Buffer.concat([...entries.flatMap(packEntry), Buffer.alloc(2 * BLOCK)]);
}

/** tar writes in records of 20 blocks; the last one is padded with zeros. */
const RECORD = 20 * BLOCK;

/**
 * The entries of a tar stream, which must end with the end-of-archive marker (two zero blocks)
 * and nothing after it but zeros up to the end of the record. Calls `fail` (which throws) when
 * the stream is truncated, a header is damaged, it is not ustar or GNU tar, or anything follows
 * the marker: GNU tar's `--ignore-zeros` would extract what is hidden there.
 *
 * @example for (const entry of parseTar(tar, fail)) console.log(entry.kind, entry.name);
 */
export function* parseTar(tar: Buffer, fail: (problem: string) => never): Generator<ParsedTarEntry> {
  for (let offset = 0; ; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.length < BLOCK) return fail('truncated: no end-of-archive block');
    if (header.every((byte) => byte === 0)) return checkArchiveEnd(tar, offset, fail);
    const entry = parseHeader(header, fail);
    const size = readOctal(header, 'size', fail);
    const start = offset + BLOCK;
    if (start + size > tar.length) return fail(`truncated inside ${JSON.stringify(entry.name)}`);
    yield { ...entry, body: tar.subarray(start, start + size) };
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}

function checkArchiveEnd(tar: Buffer, offset: number, fail: (problem: string) => never): void {
  const end = offset + 2 * BLOCK;
  if (tar.length < end || !isZero(tar.subarray(offset, end))) fail('holds data after a zero block: the end-of-archive marker is two zero blocks, then nothing');
  if (tar.length > Math.ceil(end / RECORD) * RECORD || !isZero(tar.subarray(end))) fail('holds data after its end-of-archive marker');
}

function isZero(bytes: Buffer): boolean {
  return bytes.every((byte) => byte === 0);
}

function packEntry(entry: TarEntry): Buffer[] {
  const body = entry.body ?? new Uint8Array();
  const header = Buffer.alloc(BLOCK);
  const [prefix, name] = splitName(entry.name);
  writeText(header, 'name', name);
  writeText(header, 'prefix', prefix);
  writeOctal(header, 'mode', entry.body ? FILE_MODE : FOLDER_MODE);
  writeOctal(header, 'uid', 0);
  writeOctal(header, 'gid', 0);
  writeOctal(header, 'size', body.length);
  writeOctal(header, 'mtime', FIXED_MTIME);
  writeText(header, 'type', entry.body ? '0' : '5');
  writeText(header, 'magic', POSIX_MAGIC);
  writeOctal(header, 'checksum', headerChecksum(header));
  const padding = Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK);
  return [header, Buffer.from(body), padding];
}

/** ustar keeps long names as `prefix/name`, split at a slash, at most 155 and 100 bytes. */
function splitName(fullName: string): [prefix: string, name: string] {
  if (Buffer.byteLength(fullName) <= FIELD.name[1]) return ['', fullName];
  for (let slash = fullName.lastIndexOf('/', fullName.length - 2); slash > 0; slash = fullName.lastIndexOf('/', slash - 1)) {
    const [prefix, name] = [fullName.slice(0, slash), fullName.slice(slash + 1)];
    if (Buffer.byteLength(name) > FIELD.name[1]) break;
    if (Buffer.byteLength(prefix) <= FIELD.prefix[1]) return [prefix, name];
  }
  throw new BundleError('ARCHIVE_INVALID', `cannot archive ${JSON.stringify(fullName)}: too long for a ustar archive`, 'shorten the path to at most 255 bytes, with no part over 100');
}

function parseHeader(header: Buffer, fail: (problem: string) => never): Omit<ParsedTarEntry, 'body'> {
  if (readOctal(header, 'checksum', fail) !== headerChecksum(header)) fail('a header is damaged (checksum mismatch)');
  const magic = readField(header, 'magic').toString('latin1');
  if (magic !== POSIX_MAGIC && magic !== GNU_MAGIC) fail('not a ustar or GNU tar archive');
  const name = readText(header, 'name');
  // GNU headers keep other data where ustar keeps the name's prefix.
  const prefix = magic === POSIX_MAGIC ? readText(header, 'prefix') : '';
  const flag = readField(header, 'type').toString('latin1');
  return { name: prefix ? `${prefix}/${name}` : name, kind: KINDS[flag] ?? `entry of type ${JSON.stringify(flag)}` };
}

/** The sum of the header's bytes with the checksum field read as spaces. */
function headerChecksum(header: Buffer): number {
  const [start, length] = FIELD.checksum;
  let sum = 8 * 0x20;
  header.forEach((byte, index) => {
    if (index < start || index >= start + length) sum += byte;
  });
  return sum;
}

function readField(header: Buffer, field: Field): Buffer {
  const [start, length] = FIELD[field];
  return header.subarray(start, start + length);
}

function readText(header: Buffer, field: Field): string {
  const bytes = readField(header, field);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function readOctal(header: Buffer, field: Field, fail: (problem: string) => never): number {
  const digits = readField(header, field).toString('latin1').replace(/[\u0000 ]+$/, '').replace(/^ +/, '');
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : fail(`a header is damaged (${field} is not an octal number)`);
}

function writeText(header: Buffer, field: Field, text: string): void {
  const [start, length] = FIELD[field];
  header.write(text, start, length, 'utf8');
}

/** Zero-padded octal digits then a NUL, filling the field; the checksum's last byte stays a space. */
function writeOctal(header: Buffer, field: Field, value: number): void {
  const length = FIELD[field][1] - (field === 'checksum' ? 2 : 1);
  writeText(header, field, value.toString(8).padStart(length, '0') + '\u0000');
  if (field === 'checksum') header[FIELD.checksum[0] + length + 1] = 0x20;
}
