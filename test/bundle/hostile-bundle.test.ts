import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync, gunzipSync } from 'node:zlib';
import { chmodSync, cpSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packTar } from '../../src/bundle/tar-format.js';
import { readPublicKey } from '../../src/bundle/signing.js';
import { verifyBundle } from '../../src/bundle/verify-bundle.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { runCli } from '../helpers/run-cli.js';

const NAME = 'base-to-7c9e2b4a1d30-postgresql';
const EVIL = packTar([{ name: `${NAME}/signed/upgrade.sql`, body: Buffer.from('DROP TABLE customers;\n') }]);
const BLOCK = 512;
let project: string;
let folder: string;
let archive: string;
let publicKey: string;

beforeAll(async () => {
  project = copyExampleProject();
  expect((await runCli(['keygen', '--out', 'keys'], project)).exitCode).toBe(0);
  const result = await runCli(['bundle', '--no-rehearse', '--sign-key', 'keys/sqlgen.key.pem', '--archive'], project);
  expect(result.exitCode, result.stderr).toBe(0);
  folder = path.join(project, 'output', NAME);
  archive = `${folder}.tar.gz`;
  publicKey = path.join(project, 'keys/sqlgen.pub.pem');
});

const scratch = () => mkdtempSync(path.join(tmpdir(), 'sqlgen-hostile-'));
const verify = (target: string, ...args: string[]) => runCli(['verify', target, '--pubkey', publicKey, ...args], project);

function folderCopy(): string {
  const copy = path.join(scratch(), NAME);
  cpSync(folder, copy, { recursive: true });
  return copy;
}

/** The archive's tar stream without its end-of-archive marker (two zero blocks) and padding. */
function entriesOnly(): Buffer {
  const tar = gunzipSync(readFileSync(archive));
  let end = 0;
  while (!tar.subarray(end, end + BLOCK).every((byte) => byte === 0)) end += BLOCK + Math.ceil(parseInt(tar.subarray(end + 124, end + 136).toString('latin1'), 8) / BLOCK) * BLOCK;
  return tar.subarray(0, end);
}

describe('verify refuses an archive with content hidden from it', () => {
  it.each([
    ['after a lone zero block', () => gzipSync(Buffer.concat([entriesOnly(), Buffer.alloc(BLOCK), EVIL]))],
    ['after the end-of-archive marker', () => gzipSync(Buffer.concat([entriesOnly(), Buffer.alloc(2 * BLOCK), EVIL]))],
    ['in a second gzip member', () => Buffer.concat([readFileSync(archive), gzipSync(EVIL)])],
  ])('an extra signed/upgrade.sql %s', async (_, craft) => {
    const crafted = path.join(scratch(), `${NAME}.tar.gz`);
    writeFileSync(crafted, craft());
    const extracted = scratch();
    spawnSync('tar', ['-xizf', crafted], { cwd: extracted });
    expect(readFileSync(path.join(extracted, NAME, 'signed/upgrade.sql'), 'utf8')).toContain('DROP TABLE'); // the threat is real
    const result = await verify(crafted);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${NAME}.tar.gz: invalid: .*(after|second gzip member)`));
    expect(result.stdout).not.toContain('OK');
  });

  it('still reads an archive GNU tar padded to its 10240-byte record', async () => {
    const padded = path.join(scratch(), `${NAME}.tar.gz`);
    const tar = Buffer.concat([entriesOnly(), Buffer.alloc(2 * BLOCK)]);
    writeFileSync(padded, gzipSync(Buffer.concat([tar, Buffer.alloc((10240 - (tar.length % 10240)) % 10240)])));
    expect((await verify(padded)).exitCode).toBe(0);
  });

  it('reports 130,000 empty entries without overflowing the stack', async () => {
    const crafted = path.join(scratch(), `${NAME}.tar.gz`);
    const entries = Array.from({ length: 130_000 }, (_, i) => ({ name: `${NAME}/e${i}`, body: Buffer.alloc(0) }));
    writeFileSync(crafted, gzipSync(Buffer.concat([entriesOnly(), packTar(entries)]), { level: 1 }));
    const report = await verifyBundle({ target: crafted, publicKey: readPublicKey(publicKey) });
    expect(report.ok).toBe(false);
    expect(report.problems.filter((problem) => problem.problem === 'unexpected')).toHaveLength(130_000);
  });
});

describe('verify of a hostile folder reports, never crashes', () => {
  it('a file name that is not UTF-8', async () => {
    const copy = folderCopy();
    writeFileSync(Buffer.from(`${copy}/bad-\xff.sql`, 'latin1'), 'select 1;\n');
    const result = await verify(copy);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain('invalid: its name is not valid UTF-8');
  });

  it('a 2 GiB (sparse) file, without reading it', async () => {
    const copy = folderCopy();
    truncateSync(path.join(copy, 'upgrade.sql'), 2 ** 31 + 1);
    const result = await verify(copy);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain('upgrade.sql: invalid: 2147483649 bytes would make the bundle larger than 256 MiB');
  });

  it('2,100 nested folders', async () => {
    const copy = folderCopy();
    execFileSync('python3', ['-c', "import os\nfor _ in range(2100):\n  os.mkdir('d'); os.chdir('d')"], { cwd: copy });
    const result = await verify(copy);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain('invalid: a folder nested 16 deep');
    execFileSync('rm', ['-rf', path.join(copy, 'd')]);
  });

  it('a symbolic link is a failed check (exit 1), in a folder as in an archive', async () => {
    const copy = folderCopy();
    symlinkSync('/etc/passwd', path.join(copy, 'passwd'));
    const result = await verify(copy);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('passwd: invalid: a symbolic link');
  });

  it('--pubkey /dev/zero is refused at once', async () => {
    const result = await runCli(['verify', folder, '--pubkey', '/dev/zero'], project);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('/dev/zero: not a regular file');
  });
});

describe('verify messages', () => {
  it('an unreadable archive checked with a key does not claim no key was given', async () => {
    const damaged = path.join(scratch(), `${NAME}.tar.gz`);
    writeFileSync(damaged, readFileSync(archive).subarray(0, 100));
    const result = await verify(damaged);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain('no public key given');
    expect(result.stdout).toContain('signature not checked (the bundle could not be read)');
  });

  it.each([
    ['a folder that is not a bundle', () => path.join(project, 'revisions')],
    ['the config file', () => path.join(project, 'sqlgen.config.json')],
  ])('%s is "not a bundle" (exit 2), not a list of missing files', async (_, target) => {
    const result = await verify(target());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not a bundle');
    expect(result.stderr).not.toContain('missing');
  });

  it('the hint for a bad public key describes a public key', async () => {
    const result = await runCli(['verify', folder, '--pubkey', 'keys/sqlgen.key.pem'], project);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('SPKI "PUBLIC KEY"');
    expect(result.stderr).not.toContain('PKCS#8');
  });
});

describe('signing keys are checked as ssh does', () => {
  it('refuses a private key readable by group or others, with the chmod hint', async () => {
    const root = copyExampleProject();
    expect((await runCli(['keygen', '--out', 'keys'], root)).exitCode).toBe(0);
    chmodSync(path.join(root, 'keys/sqlgen.key.pem'), 0o640);
    const result = await runCli(['bundle', '--no-rehearse', '--sign-key', 'keys/sqlgen.key.pem'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('permissions 0640 are too open');
    expect(result.stderr).toContain('chmod 600');
  });
});
