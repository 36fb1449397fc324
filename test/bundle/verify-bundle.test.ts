import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, readPublicKey, signBytes } from '../../src/bundle/signing.js';
import { verifyBundle, type VerifyProblem } from '../../src/bundle/verify-bundle.js';
import { createPrivateKey } from 'node:crypto';
import { copyExampleProject } from '../helpers/example-project.js';
import { REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';

const NAME = 'base-to-7c9e2b4a1d30-postgresql';
let project: string;
let signed: string;
let publicKeyFile: string;

beforeAll(async () => {
  project = copyExampleProject();
  expect((await runCli(['keygen', '--out', 'keys'], project)).exitCode).toBe(0);
  const result = await runCli(['bundle', '--sign-key', 'keys/sqlgen.key.pem', '--archive'], project);
  expect(result.exitCode, result.stderr).toBe(0);
  signed = path.join(project, 'output', NAME);
  publicKeyFile = path.join(project, 'keys/sqlgen.pub.pem');
});

/** A copy of the signed bundle to tamper with. */
function bundleCopy(): string {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-tamper-')), NAME);
  cpSync(signed, copy, { recursive: true });
  return copy;
}

const verify = (folder: string, keyFile = publicKeyFile) => verifyBundle({ target: folder, publicKey: readPublicKey(keyFile) });
const named = (problems: VerifyProblem[]) => problems.map((problem) => `${problem.file}: ${problem.problem}`);
const sha256sumPasses = (folder: string) => spawnSync('sha256sum', ['--strict', '--quiet', '-c', 'SHA256SUMS'], { cwd: folder }).status === 0;
const opensslVerifies = (folder: string) =>
  spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', publicKeyFile, '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.json.sig'], { cwd: folder }).status === 0;

const TAMPERINGS = {
  'flip one byte': (file: string) => {
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
  },
  truncate: (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2)),
  delete: (file: string) => rmSync(file),
};

describe('verify on a signed bundle', () => {
  it('passes an untouched bundle, folder and archive, and openssl and sha256sum agree', async () => {
    expect(await verify(signed)).toMatchObject({ ok: true, problems: [], signature: 'valid', files: 19 });
    expect(await verify(`${signed}.tar.gz`)).toMatchObject({ ok: true, signature: 'valid', files: 19 });
    expect([sha256sumPasses(signed), opensslVerifies(signed)]).toEqual([true, true]);
  });

  it('names the file for every tampering of every file, as sha256sum and openssl do where they apply', async () => {
    const files = Object.keys(snapshotTree(signed)).filter((file) => !file.endsWith('/'));
    expect(files).toHaveLength(19);
    for (const file of files) {
      for (const [how, tamper] of Object.entries(TAMPERINGS)) {
        const copy = bundleCopy();
        tamper(path.join(copy, file));
        const report = await verify(copy);
        expect(report.ok, `${how} ${file}`).toBe(false);
        expect(report.problems.map((problem) => problem.file), `${how} ${file}: ${named(report.problems).join(', ')}`).toContain(file);
        // sha256sum cannot see a file cut from its own list at a line boundary; otherwise it agrees.
        if (file !== 'SHA256SUMS') expect(sha256sumPasses(copy), `sha256sum after ${how} ${file}`).toBe(false);
        if (file === 'manifest.json' || file === 'manifest.json.sig') expect(opensslVerifies(copy), `openssl after ${how} ${file}`).toBe(false);
      }
    }
  });

  it('reports an unexpected file', async () => {
    const copy = bundleCopy();
    writeFileSync(path.join(copy, 'revisions/0007_extra.up.sql'), 'DROP TABLE customers;\n');
    expect(named((await verify(copy)).problems)).toEqual(['revisions/0007_extra.up.sql: unexpected']);
  });

  it('reports a signature replaced by one from another key, even with SHA256SUMS rewritten to match', async () => {
    const copy = bundleCopy();
    const intruder = createPrivateKey(generateSigningKeyPair().privateKeyPem);
    writeFileSync(path.join(copy, 'manifest.json.sig'), signBytes(readFileSync(path.join(copy, 'manifest.json')), intruder));
    execFileSync('sh', ['-c', "find . -type f ! -name SHA256SUMS | sed 's|^./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS"], { cwd: copy });
    expect(sha256sumPasses(copy)).toBe(true);
    expect(named((await verify(copy)).problems)).toEqual(['manifest.json.sig: bad signature']);
    expect(opensslVerifies(copy)).toBe(false);
  });

  it('reports a bad signature when checked with another public key', async () => {
    const other = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-key-')), 'other.pub.pem');
    writeFileSync(other, generateSigningKeyPair().publicKeyPem);
    const report = await verify(signed, other);
    expect(report).toMatchObject({ ok: false, signature: 'invalid' });
    expect(named(report.problems)).toEqual(['manifest.json.sig: bad signature']);
  });

  it('an edited script with SHA256SUMS rewritten still fails: the signed manifest lists its digest', async () => {
    const copy = bundleCopy();
    writeFileSync(path.join(copy, 'upgrade.sql'), 'DROP TABLE customers;\n');
    execFileSync('sh', ['-c', "find . -type f ! -name SHA256SUMS | sed 's|^./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS"], { cwd: copy });
    expect(named((await verify(copy)).problems)).toEqual(['upgrade.sql: edited']);
  });
});

describe('sqlgen verify', () => {
  it('exits 1 naming each problem on stderr, and --json carries the report', async () => {
    const copy = bundleCopy();
    writeFileSync(path.join(copy, 'downgrade.sql'), 'edited\n');
    const text = await runCli(['verify', copy, '--pubkey', publicKeyFile], project);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toBe('downgrade.sql: edited: its SHA-256 differs from SHA256SUMS\n');
    expect(text.stdout).toMatch(/: FAILED: 1 problem\(s\); 19 files; signature valid \(SHA256:/);
    const json = await runCli(['verify', copy, '--pubkey', publicKeyFile, '--json'], project);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, signature: 'valid', problems: [{ file: 'downgrade.sql', problem: 'edited' }] });
  });

  it('fails an unsigned bundle when a public key is expected, and says a signature went unchecked without one', async () => {
    const root = copyExampleProject();
    expect((await runCli(['bundle', '--no-rehearse'], root)).exitCode).toBe(0);
    const unsigned = await runCli(['verify', `output/${NAME}`, '--pubkey', publicKeyFile], root);
    expect(unsigned.exitCode).toBe(1);
    expect(unsigned.stderr).toContain('manifest.json.sig: unsigned: a public key was given, but the bundle has no signature');
    const unchecked = await runCli(['verify', signed], root);
    expect(unchecked.exitCode).toBe(0);
    expect(unchecked.stdout).toContain('OK; 19 files; signature present, not checked (no public key given)');
  });

  // Three rehearsals: the bundle's, and one per --rebuild.
  it('--rebuild proves the bundle matches the revisions, and names what an edited revision changes', { timeout: 90_000 }, async () => {
    const root = copyExampleProject();
    expect((await runCli(['bundle', '--archive'], root)).exitCode).toBe(0);
    const same = await runCli(['verify', `output/${NAME}.tar.gz`, '--rebuild'], root);
    expect(same.stdout, same.stderr).toContain('OK; 18 files; unsigned; matches the revisions');
    const revision = path.join(root, 'revisions/4c5d6e7f8a9b_add_countries_with_names.ts');
    writeFileSync(revision, readFileSync(revision, 'utf8').replace("'Nederland'", "'Netherlands'"));
    const edited = await runCli(['verify', `output/${NAME}`, '--rebuild'], root);
    expect(edited.exitCode).toBe(1);
    const problemLines = edited.stderr.split('\n').filter((line) => line && !line.startsWith(' '));
    expect(problemLines.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
      'manifest.json: differs from source',
      'revisions/0003_4c5d6e7f8a9b_add_countries_with_names.up.sql: differs from source',
      'upgrade.sql: differs from source',
    ]);
    // The per-revision file names its revision and source file, and each text file shows where it differs.
    expect(problemLines[1]).toContain('revision 4c5d6e7f8a9b (revisions/4c5d6e7f8a9b_add_countries_with_names.ts, edited since the bundle)');
    const hunk = edited.stderr.split('revisions/0003_4c5d6e7f8a9b_add_countries_with_names.up.sql: differs from source')[1]!.split('\nupgrade.sql:')[0]!;
    expect(hunk).toMatch(/\n    @@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(hunk).toMatch(/\n    -.*'Nederland'/);
    expect(hunk).toMatch(/\n    \+.*'Netherlands'/);
    const json = JSON.parse((await runCli(['verify', `output/${NAME}`, '--rebuild', '--json'], root)).stdout) as { problems: Array<{ file: string; revision?: { id: string; source: string }; diff?: string[] }> };
    const perRevision = json.problems.find((problem) => problem.file.startsWith('revisions/'))!;
    expect(perRevision.revision).toEqual({ id: '4c5d6e7f8a9b', source: 'revisions/4c5d6e7f8a9b_add_countries_with_names.ts', sourceEdited: true });
    expect(perRevision.diff?.some((line) => line.startsWith('+') && line.includes("'Netherlands'"))).toBe(true);
  });

  it('a damaged archive fails verification, naming the archive', async () => {
    const archive = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-archive-')), `${NAME}.tar.gz`);
    const bytes = readFileSync(`${signed}.tar.gz`);
    bytes[bytes.length - 12]! ^= 0xff;
    writeFileSync(archive, bytes);
    const result = await runCli(['verify', archive], project);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${NAME}.tar.gz: invalid: `));
  });
});

describe('verify on a sqlgen-bundle/1 bundle (written by sqlgen before version guards)', () => {
  const V1 = path.join(REPO_ROOT, 'test/fixtures/bundles/v1-example');
  const V1_KEY = path.join(REPO_ROOT, 'test/fixtures/bundles/v1-example.pub.pem');

  it('checks its checksums, manifest and signature as before', async () => {
    const result = await runCli(['verify', V1, '--pubkey', V1_KEY], REPO_ROOT);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('OK; 10 files; signature valid');
  });

  it('still finds a tampered file', async () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-v1-')), 'bundle');
    cpSync(V1, copy, { recursive: true });
    writeFileSync(path.join(copy, 'upgrade.sql'), `${readFileSync(path.join(copy, 'upgrade.sql'), 'utf8')}DROP TABLE customers;\n`);
    const result = await runCli(['verify', copy, '--pubkey', V1_KEY], REPO_ROOT);
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).toContain('upgrade.sql: edited');
  });

  it('--rebuild says it cannot reproduce an older format instead of listing every file as different', async () => {
    const result = await runCli(['verify', V1, '--rebuild'], REPO_ROOT);
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).toContain('not rebuildable: a sqlgen-bundle/1 bundle was written before version guards');
    expect(result.stdout + result.stderr).not.toContain('differs from source');
  });
});
