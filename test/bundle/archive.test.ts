import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleError, ExitCode, WriteError } from '../../src/errors.js';
import { readArchive, writeDeterministicArchive } from '../../src/bundle/archive.js';
import { sha256Hex } from '../../src/sha256.js';
import { snapshotTree } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { caught } from './bundle-fixtures.js';

/** Bundle-like content with the awkward cases: empty and block-sized files, a long and a non-ASCII name. */
const LONG_NAME = `sql/${'a'.repeat(80)}/${'b'.repeat(90)}.sql`;
const FILES: Record<string, string> = {
  'manifest.json': '{"revisions":["1a2b3c4d5e6f"]}\n',
  'sql/001_create_customers.up.sql': 'create table customers (id integer primary key);\n',
  'sql/empty.sql': '',
  'sql/block.sql': '-'.repeat(512),
  [LONG_NAME]: 'select 1;\n',
  'README-é.md': 'Bundle\n',
};

const originalUmask = process.umask();
const originalTz = process.env.TZ;

/** Archives `files` in a fresh folder and returns the archive's path. */
function archiveOf(files: Record<string, string>, prefix = 'bundle-7c9e2b4a1d30'): string {
  const archive = path.join(tempProject(), `${prefix}.tar.gz`);
  writeDeterministicArchive(tempProject(files), prefix, archive);
  return archive;
}

/** Sets every file's and folder's mode and mtime below `root`, as another checkout or umask would. */
function touchAll(root: string, fileMode: number, folderMode: number, mtime: Date): void {
  for (const relative of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(root, relative);
    chmodSync(full, statSync(full).isDirectory() ? folderMode : fileMode);
    utimesSync(full, mtime, mtime);
  }
}

const tar = (args: string[], cwd: string) => spawnSync('tar', args, { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });

describe('writeDeterministicArchive', () => {
  afterEach(() => {
    process.umask(originalUmask);
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives the same bytes whatever the files\' mtimes and modes, the umask and the time zone', () => {
    const first = tempProject(FILES);
    touchAll(first, 0o644, 0o755, new Date('2001-02-03T04:05:06Z'));
    const second = tempProject(FILES);
    touchAll(second, 0o600, 0o700, new Date());
    const [firstArchive, secondArchive] = [path.join(first, '..', `${path.basename(first)}.tgz`), path.join(second, '..', `${path.basename(second)}.tgz`)];
    process.env.TZ = 'UTC';
    process.umask(0o022);
    writeDeterministicArchive(first, 'bundle', firstArchive);
    process.env.TZ = 'Pacific/Chatham';
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
    process.umask(0o077);
    writeDeterministicArchive(second, 'bundle', secondArchive);
    expect(readFileSync(secondArchive)).toEqual(readFileSync(firstArchive));
    expect(statSync(secondArchive).mode & 0o777).toBe(0o644);
  });

  it('has pinned bytes: a change of format (or of the deflate code) shows here', () => {
    const archive = readFileSync(archiveOf(FILES, 'bundle'));
    expect(archive.subarray(0, 10)).toEqual(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3])); // gzip: no name, mtime 0, OS Unix
    expect(sha256Hex(archive)).toBe('6dc29aff96c00b5d0773d906af51abd25aa6a4fc8b7ad298cda677760e79a687');
  });

  it('lists in GNU tar with owner 0/0, fixed modes and the epoch as date, sorted, under one folder', () => {
    const archive = archiveOf({ 'sql/001.sql': 'select 1;\n', 'manifest.json': '{}\n' }, 'bundle-abc');
    const listing = tar(['-tzvf', archive], path.dirname(archive));
    expect(listing.stderr).toBe('');
    expect(listing.stdout).toBe(
      [
        'drwxr-xr-x 0/0               0 1970-01-01 00:00 bundle-abc/',
        '-rw-r--r-- 0/0               3 1970-01-01 00:00 bundle-abc/manifest.json',
        'drwxr-xr-x 0/0               0 1970-01-01 00:00 bundle-abc/sql/',
        '-rw-r--r-- 0/0              10 1970-01-01 00:00 bundle-abc/sql/001.sql',
        '',
      ].join('\n'),
    );
  });

  it('extracts with GNU tar, without a warning, to the source\'s content', () => {
    const source = tempProject(FILES);
    const archive = path.join(tempProject(), 'bundle.tar.gz');
    writeDeterministicArchive(source, 'bundle', archive);
    const target = tempProject();
    const extracted = tar(['-xzf', archive, '-C', target], target);
    expect(extracted.stderr).toBe('');
    expect(extracted.status).toBe(0);
    expect(readdirSync(target)).toEqual(['bundle']);
    expect(snapshotTree(path.join(target, 'bundle'))).toEqual(snapshotTree(source));
  });

  it('never overwrites the archive file', () => {
    const folder = tempProject({ 'bundle.tar.gz': 'old\n', 'src/a.sql': '' });
    const error = caught(() => writeDeterministicArchive(path.join(folder, 'src'), 'bundle', path.join(folder, 'bundle.tar.gz')));
    expect(error).toBeInstanceOf(WriteError);
    expect(readFileSync(path.join(folder, 'bundle.tar.gz'), 'utf8')).toBe('old\n');
  });

  it.each([
    ['a symbolic link in the folder', (root: string) => symlinkSync('/etc/passwd', path.join(root, 'passwd')), 'bundle', 'cannot archive "bundle/passwd": it is a symbolic link'],
    ['a part longer than 100 bytes', (root: string) => writeFileSync(path.join(root, 'x'.repeat(101)), ''), 'bundle', 'too long for a ustar archive'],
    ['a top-level folder with a slash', () => undefined, 'a/b', 'it has more than one segment'],
    ['a top-level folder that climbs', () => undefined, '..', 'it has a ".." segment'],
  ])('refuses %s', (_, arrange, prefix, problem) => {
    const source = tempProject({ 'a.sql': '' });
    arrange(source);
    const archive = path.join(tempProject(), 'out.tar.gz');
    const error = caught(() => writeDeterministicArchive(source, prefix, archive));
    expect(error).toMatchObject({ code: 'ARCHIVE_INVALID' });
    expect((error as BundleError).message).toContain(problem);
    expect(existsSync(archive)).toBe(false);
  });
});

describe('readArchive', () => {
  it('reads back what writeDeterministicArchive wrote: the folder and every file', () => {
    const { prefix, files } = readArchive(archiveOf(FILES));
    expect(prefix).toBe('bundle-7c9e2b4a1d30');
    expect(Object.fromEntries([...files].map(([name, body]) => [name, body.toString('utf8')]))).toEqual(FILES);
  });

  it('reads a bundle re-packed in GNU tar\'s own format, but not its long-name entries', () => {
    const root = tempProject(Object.fromEntries(Object.entries(FILES).map(([name, content]) => [`bundle/${name}`, content])));
    tarIn(root, ['--format=gnu', '-czf', 'long.tar.gz', 'bundle']);
    expectArchiveInvalid(path.join(root, 'long.tar.gz'), 'entry "././@LongLink" is a GNU long name');
    expectArchiveInvalid(tarIn(root, ['--format=gnu', '--exclude', 'bbbb*', '-czf', 'empty.tar.gz', 'bundle']) ?? path.join(root, 'empty.tar.gz'), `entry "bundle/sql/${'a'.repeat(80)}/" is an empty folder`);
    tarIn(root, ['--format=gnu', '--exclude', 'aaaa*', '-czf', 'short.tar.gz', 'bundle']);
    const { prefix, files } = readArchive(path.join(root, 'short.tar.gz'));
    expect(prefix).toBe('bundle');
    expect(new Set(files.keys())).toEqual(new Set(Object.keys(FILES).filter((name) => name !== LONG_NAME)));
    expect(files.get('README-é.md')?.toString()).toBe(FILES['README-é.md']);
  });

  /** Each case arranges files in a folder and packs them there with GNU tar. */
  it.each([
    ['a ".." path', (root: string) => tarIn(path.join(root, 'sub'), ['--format=ustar', '-P', '-czf', '../crafted.tar.gz', '../evil']), 'entry "../evil" has a ".." segment'],
    ['an absolute path', (root: string) => tarIn(root, ['--format=ustar', '-P', '-czf', 'crafted.tar.gz', path.join(root, 'evil')]), 'is absolute'],
    ['a symbolic link', (root: string) => (symlinkSync('/etc/passwd', path.join(root, 'bundle/passwd')), tarIn(root, ['-czf', 'crafted.tar.gz', 'bundle'])), 'entry "bundle/passwd" is a symbolic link'],
    ['a hard link', (root: string) => (linkSync(path.join(root, 'bundle/a.sql'), path.join(root, 'bundle/b.sql')), tarIn(root, ['-czf', 'crafted.tar.gz', 'bundle'])), 'is a hard link'],
    ['a FIFO', (root: string) => (execFileSync('mkfifo', [path.join(root, 'bundle/pipe')]), tarIn(root, ['-czf', 'crafted.tar.gz', 'bundle'])), 'entry "bundle/pipe" is a FIFO'],
    ['a pax header', (root: string) => tarIn(root, ['--format=pax', '-czf', 'crafted.tar.gz', 'bundle']), 'is a pax extended header'],
    ['a second top-level folder', (root: string) => tarIn(root, ['-czf', 'crafted.tar.gz', 'bundle', 'sub']), 'entry "sub/" is outside the top-level folder bundle/'],
    ['a file outside any folder', (root: string) => tarIn(root, ['-czf', 'crafted.tar.gz', 'evil']), 'entry "evil" is a file outside any folder'],
    ['the same entry twice', (root: string) => tarIn(root, ['--hard-dereference', '-czf', 'crafted.tar.gz', 'bundle', 'bundle/a.sql']), 'entry "bundle/a.sql" appears twice'],
  ])('refuses an archive with %s, naming the archive and the entry', (_, craft, problem) => {
    const root = tempProject({ 'evil': 'boom\n', 'bundle/a.sql': 'select 1;\n', 'sub/.keep': '' });
    craft(root);
    expectArchiveInvalid(path.join(root, 'crafted.tar.gz'), problem);
  });

  it.each([
    ['a file that is not gzip', () => Buffer.from('hello\n'), 'not a gzip-compressed archive'],
    ['a cut-off gzip stream', (good: Buffer) => good.subarray(0, good.length - 20), 'not a gzip-compressed archive, or damaged'],
    ['a tar stream without its end', (good: Buffer) => gzipSync(gunzipSync(good).subarray(0, 1024)), 'truncated'],
    ['a damaged header', (good: Buffer) => gzipSync(Buffer.from(gunzipSync(good)).fill('x', 0, 1)), 'a header is damaged (checksum mismatch)'],
    ['no entries', () => gzipSync(Buffer.alloc(1024)), 'holds no entries'],
    ['a gzip bomb', () => gzipSync(Buffer.alloc(257 * 1024 * 1024), { level: 1 }), 'unpacks to more than 256 MiB'],
  ])('refuses %s', (_, damage, problem) => {
    const archive = archiveOf({ 'a.sql': 'select 1;\n' });
    writeFileSync(archive, damage(readFileSync(archive)));
    expectArchiveInvalid(archive, problem);
  });

  it('refuses a file it cannot read', () => {
    expectArchiveInvalid(path.join(tempProject(), 'missing.tar.gz'), 'cannot read the archive (ENOENT)');
  });
});

function tarIn(cwd: string, args: string[]): void {
  mkdirSync(cwd, { recursive: true });
  const { status, stderr } = tar(args, cwd);
  expect(status, stderr).toBe(0);
}

function expectArchiveInvalid(archive: string, problem: string): void {
  const error = caught(() => readArchive(archive));
  expect(error).toBeInstanceOf(BundleError);
  expect(error).toMatchObject({ code: 'ARCHIVE_INVALID', exitCode: ExitCode.input, location: { file: archive } });
  expect((error as BundleError).message).toMatch(new RegExp(`^${archive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  expect((error as BundleError).message).toContain(problem);
}
