import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteError } from '../../src/errors.js';
import { writeKeyPair } from '../../src/bundle/keygen.js';
import { publicKeyFingerprint, readPrivateKey, readPublicKey, signBytes, verifyBytes } from '../../src/bundle/signing.js';
import { snapshotTree } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { caught } from './bundle-fixtures.js';

const modeOf = (file: string) => statSync(file).mode & 0o777;
const originalUmask = process.umask();

describe('writeKeyPair', () => {
  afterEach(() => {
    process.umask(originalUmask);
  });

  it('writes a matching pair as <name>.key.pem (0600) and <name>.pub.pem (0644), whatever the umask', () => {
    for (const umask of [0o000, 0o077]) {
      process.umask(umask);
      const dir = path.join(tempProject(), 'keys');
      const written = writeKeyPair(dir);
      expect(written).toMatchObject({ privateKeyFile: path.join(dir, 'sqlgen.key.pem'), publicKeyFile: path.join(dir, 'sqlgen.pub.pem') });
      expect([modeOf(written.privateKeyFile), modeOf(written.publicKeyFile)]).toEqual([0o600, 0o644]);
      const publicKey = readPublicKey(written.publicKeyFile);
      expect(verifyBytes(Buffer.from('x'), signBytes(Buffer.from('x'), readPrivateKey(written.privateKeyFile)), publicKey)).toBe(true);
      expect(written.fingerprint).toBe(publicKeyFingerprint(publicKey));
    }
  });

  it('creates missing folders and takes another name', () => {
    const dir = path.join(tempProject(), 'a/b');
    expect(writeKeyPair(dir, 'release').publicKeyFile).toBe(path.join(dir, 'release.pub.pem'));
    expect(readFileSync(path.join(dir, 'release.key.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('makes a new pair each time', () => {
    const root = tempProject();
    expect(writeKeyPair(root, 'one').fingerprint).not.toBe(writeKeyPair(root, 'two').fingerprint);
  });

  it.each(['sqlgen.key.pem', 'sqlgen.pub.pem'])('writes neither file when %s exists, and names it', (existing) => {
    const dir = tempProject({ [existing]: 'keep me\n' });
    const before = snapshotTree(dir);
    const error = caught(() => writeKeyPair(dir));
    expect(error).toBeInstanceOf(WriteError);
    expect(error).toMatchObject({ location: { file: path.join(dir, existing) }, hint: expect.stringContaining('--out') });
    expect((error as WriteError).message).toBe(`${path.join(dir, existing)}: already exists; sqlgen does not overwrite it`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses a folder it cannot create', () => {
    const root = tempProject({ 'file.txt': '' });
    expect(() => writeKeyPair(path.join(root, 'file.txt', 'keys'))).toThrow(/file\.txt\/keys: cannot create the folder \(ENOTDIR\)/);
  });
});
