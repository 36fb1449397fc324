import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicKeyFingerprint, readPublicKey } from '../../src/bundle/signing.js';
import { runCli, snapshotTree } from '../helpers/run-cli.js';

/** An empty folder: keygen needs no sqlgen project. */
const emptyFolder = () => mkdtempSync(path.join(tmpdir(), 'sqlgen-keygen-'));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe.concurrent('sqlgen keygen', () => {
  it('writes the pair into the current directory, says where, and reminds to keep the private key out of git', async () => {
    const folder = emptyFolder();
    const { exitCode, stdout, stderr } = await runCli(['keygen'], folder);
    expect(exitCode).toBe(0);
    const fingerprint = publicKeyFingerprint(readPublicKey(path.join(folder, 'sqlgen.pub.pem')));
    expect(stdout).toBe(`private key  sqlgen.key.pem\npublic key   sqlgen.pub.pem\nfingerprint  ${fingerprint}\n`);
    expect(stderr).toBe('Keep sqlgen.key.pem secret and out of git (add it to .gitignore); share sqlgen.pub.pem.\n');
    expect([modeOf(path.join(folder, 'sqlgen.key.pem')), modeOf(path.join(folder, 'sqlgen.pub.pem'))]).toEqual([0o600, 0o644]);
  });

  it('--out creates the folder; --json gives paths relative to the current directory', async () => {
    const folder = emptyFolder();
    const { exitCode, stdout } = await runCli(['keygen', '--out', 'keys/release', '--json'], folder);
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout) as Record<string, string>;
    expect(result).toEqual({
      privateKey: 'keys/release/sqlgen.key.pem',
      publicKey: 'keys/release/sqlgen.pub.pem',
      fingerprint: publicKeyFingerprint(readPublicKey(path.join(folder, 'keys/release/sqlgen.pub.pem'))),
    });
  });

  it('refuses to overwrite a key: exit 2, the file and a hint, nothing written', async () => {
    const folder = emptyFolder();
    writeFileSync(path.join(folder, 'sqlgen.pub.pem'), 'an older key\n');
    const before = snapshotTree(folder);
    const { exitCode, stdout, stderr } = await runCli(['keygen'], folder);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: sqlgen.pub.pem: already exists; sqlgen does not overwrite it\nhint: move the existing key file away, or pick another --out\n');
    expect(snapshotTree(folder)).toEqual(before);
    const json = await runCli(['keygen', '--json'], folder);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'WRITE_REFUSED', file: 'sqlgen.pub.pem' } });
  });
});
