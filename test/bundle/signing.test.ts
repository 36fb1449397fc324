import { execFileSync, spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, ExitCode } from '../../src/errors.js';
import { generateSigningKeyPair, publicKeyFingerprint, readPrivateKey, readPublicKey, signBytes, verifyBytes } from '../../src/bundle/signing.js';
import { tempProject } from '../helpers/temp-project.js';
import { caught } from './bundle-fixtures.js';

/** A folder with a fresh pair as key.pem / key.pub.pem and a manifest to sign. */
function signingFolder(): { folder: string; manifest: Buffer } {
  const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
  const manifest = Buffer.from('{"revisions":["1a2b3c4d5e6f"]}\n');
  const folder = tempProject({ 'key.pem': privateKeyPem, 'key.pub.pem': publicKeyPem, 'manifest.json': manifest.toString() });
  chmodSync(path.join(folder, 'key.pem'), 0o600);
  return { folder, manifest };
}

const openssl = (args: string[], cwd: string) => spawnSync('openssl', args, { cwd, encoding: 'utf8' });
const opensslVerify = ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pub.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.json.sig'];

describe('Ed25519 keys and signatures', () => {
  it('generates PKCS#8 and SPKI PEM that read back as Ed25519 keys', () => {
    const { folder } = signingFolder();
    expect(readFileSync(path.join(folder, 'key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
    expect(readFileSync(path.join(folder, 'key.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    expect(readPrivateKey(path.join(folder, 'key.pem')).asymmetricKeyType).toBe('ed25519');
    expect(readPublicKey(path.join(folder, 'key.pub.pem')).asymmetricKeyType).toBe('ed25519');
  });

  it('signs with 64 raw bytes that verify only for the same bytes and key', () => {
    const { folder, manifest } = signingFolder();
    const signature = signBytes(manifest, readPrivateKey(path.join(folder, 'key.pem')));
    const publicKey = readPublicKey(path.join(folder, 'key.pub.pem'));
    expect(signature).toHaveLength(64);
    expect(verifyBytes(manifest, signature, publicKey)).toBe(true);
    expect(verifyBytes(Buffer.concat([manifest, Buffer.from(' ')]), signature, publicKey)).toBe(false);
    expect(verifyBytes(manifest, signature.subarray(0, 63), publicKey)).toBe(false);
    expect(verifyBytes(manifest, signature, createPublicKey(generateSigningKeyPair().publicKeyPem))).toBe(false);
  });

  it('writes signatures that `openssl pkeyutl -verify -rawin` accepts, and rejects once the file changes', () => {
    expect(execFileSync('openssl', ['version'], { encoding: 'utf8' })).toMatch(/^OpenSSL 3\./); // -rawin came with 3.0
    const { folder, manifest } = signingFolder();
    writeFileSync(path.join(folder, 'manifest.json.sig'), signBytes(manifest, readPrivateKey(path.join(folder, 'key.pem'))));
    const verified = openssl(opensslVerify, folder);
    expect(verified.stdout).toContain('Signature Verified Successfully');
    expect(verified.status).toBe(0);
    writeFileSync(path.join(folder, 'manifest.json'), manifest.toString().replace('1a2b', '9a2b'));
    const tampered = openssl(opensslVerify, folder);
    expect(tampered.stdout).toContain('Signature Verification Failure');
    expect(tampered.status).toBe(1);
  });

  it('reads keys and verifies signatures made by openssl', () => {
    const folder = tempProject({ 'manifest.json': '{}\n' });
    openssl(['genpkey', '-algorithm', 'ed25519', '-out', 'key.pem'], folder);
    openssl(['pkey', '-in', 'key.pem', '-pubout', '-out', 'key.pub.pem'], folder);
    expect(openssl(['pkeyutl', '-sign', '-inkey', 'key.pem', '-rawin', '-in', 'manifest.json', '-out', 'manifest.json.sig'], folder).status).toBe(0);
    const signature = readFileSync(path.join(folder, 'manifest.json.sig'));
    expect(verifyBytes(Buffer.from('{}\n'), signature, readPublicKey(path.join(folder, 'key.pub.pem')))).toBe(true);
    expect(signBytes(Buffer.from('{}\n'), readPrivateKey(path.join(folder, 'key.pem')))).toEqual(signature); // Ed25519 is deterministic
  });
});

describe('publicKeyFingerprint', () => {
  it('is SHA256: and the unpadded base64 SHA-256 of the DER SPKI, for either half of the pair', () => {
    const { folder } = signingFolder();
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', 'key.pub.pem', '-outform', 'DER'], { cwd: folder });
    const expected = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64').replace(/=+$/, '');
    expect(publicKeyFingerprint(readPublicKey(path.join(folder, 'key.pub.pem')))).toBe(`SHA256:${expected}`);
    expect(publicKeyFingerprint(readPrivateKey(path.join(folder, 'key.pem')))).toBe(`SHA256:${expected}`);
    expect(expected).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });
});

describe('reading key files', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const ed = generateSigningKeyPair();
  const damaged = ed.privateKeyPem.replace(/\n(.{10})/, '\n!!!!!!!!!!');
  const folder = tempProject({ 'ed.pem': ed.privateKeyPem, 'ed.pub.pem': ed.publicKeyPem, 'ec.pem': ec.privateKey, 'ec.pub.pem': ec.publicKey, 'notes.txt': 'hello\n', 'damaged.pem': damaged, 'sub/.keep': '' });
  for (const name of ['ed.pem', 'ed.pub.pem', 'ec.pem', 'damaged.pem']) chmodSync(path.join(folder, name), 0o600);
  const secrets = [ed.privateKeyPem, ed.publicKeyPem, ec.privateKey, damaged].flatMap((pem) => pem.split('\n').filter((line) => line && !line.startsWith('-----')));

  it.each([
    ['a missing file', readPublicKey, 'missing.pub.pem', 'cannot read the key file (ENOENT)'],
    ['a folder', readPrivateKey, 'sub', 'not a regular file'],
    ['a file that is not PEM', readPublicKey, 'notes.txt', 'not a PEM public key'],
    ['a private key given as the public one', readPublicKey, 'ed.pem', 'holds a PEM "PRIVATE KEY" where a "PUBLIC KEY" was expected'],
    ['a public key given as the private one', readPrivateKey, 'ed.pub.pem', 'holds a PEM "PUBLIC KEY" where a "PRIVATE KEY" was expected'],
    ['a damaged PEM body', readPrivateKey, 'damaged.pem', 'not a valid PEM private key'],
    ['an EC private key', readPrivateKey, 'ec.pem', 'holds a key of type ec, not Ed25519'],
    ['an EC public key', readPublicKey, 'ec.pub.pem', 'holds a key of type ec, not Ed25519'],
  ])('refuses %s with KEY_INVALID naming the file and no key material', (_, read, name, problem) => {
    const file = path.join(folder, name);
    const error = caught(() => read(file));
    expect(error).toBeInstanceOf(BundleError);
    expect(error).toMatchObject({ code: 'KEY_INVALID', exitCode: ExitCode.input, location: { file }, message: `${file}: ${problem}` });
    const { message, hint } = error as BundleError;
    for (const secret of secrets) expect(message + hint).not.toContain(secret);
  });
});
