/**
 * Ed25519 signing with node:crypto. Keys are PEM (PKCS#8 private, SPKI public) and signatures
 * are the raw 64 bytes, so that a DBA can check a bundle with OpenSSL alone:
 * `openssl pkeyutl -verify -pubin -inkey sqlgen.pub.pem -rawin -in manifest.json -sigfile manifest.json.sig`.
 */

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BundleError } from '../errors.js';

/** A new key pair, PEM-encoded. */
export interface SigningKeyPair {
  /** PKCS#8, unencrypted: whoever reads it can sign. */
  privateKeyPem: string;
  /** SPKI. */
  publicKeyPem: string;
}

type KeyKind = 'private' | 'public';

/** The PEM label each kind of key file must carry: a private key is not accepted as a public one. */
const PEM_LABEL: Record<KeyKind, string> = { private: 'PRIVATE KEY', public: 'PUBLIC KEY' };
const KEY_FILE_SHAPE: Record<KeyKind, string> = { private: 'an unencrypted PKCS#8 "PRIVATE KEY" (<name>.key.pem)', public: 'an SPKI "PUBLIC KEY" (<name>.pub.pem)' };
const PEM_BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----\r?$/m;

/**
 * A fresh Ed25519 key pair.
 *
 * @example const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
 */
export function generateSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/**
 * The Ed25519 private key in a PKCS#8 PEM file.
 *
 * @example signBytes(manifest, readPrivateKey('sqlgen.key.pem'))
 * @throws {BundleError} KEY_INVALID naming `file` when it is missing, unreadable, not PEM,
 *   encrypted, or not an Ed25519 private key. Messages never contain key material.
 */
export function readPrivateKey(file: string): KeyObject {
  return readKey(file, 'private');
}

/**
 * The Ed25519 public key in an SPKI PEM file.
 *
 * @example verifyBytes(manifest, signature, readPublicKey('sqlgen.pub.pem'))
 * @throws {BundleError} KEY_INVALID naming `file` when it is missing, unreadable, not PEM, or not
 *   an Ed25519 public key.
 */
export function readPublicKey(file: string): KeyObject {
  return readKey(file, 'public');
}

/**
 * The raw 64-byte Ed25519 signature of `bytes`.
 *
 * @example writeFileSync('manifest.json.sig', signBytes(manifest, privateKey));
 */
export function signBytes(bytes: Uint8Array, privateKey: KeyObject): Buffer {
  return sign(null, bytes, privateKey);
}

/**
 * Whether `signature` is `publicKey`'s Ed25519 signature of exactly `bytes`.
 *
 * @example verifyBytes(readFileSync('manifest.json'), readFileSync('manifest.json.sig'), publicKey) // true
 */
export function verifyBytes(bytes: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  return verify(null, bytes, publicKey, signature);
}

/**
 * Names a key without containing it: `SHA256:` and the unpadded base64 SHA-256 of the public
 * key's DER SPKI, in the manner of ssh fingerprints. A private key is named by its public half.
 *
 * @example publicKeyFingerprint(readPublicKey('sqlgen.pub.pem')) // 'SHA256:' and 43 base64 characters
 */
export function publicKeyFingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return 'SHA256:' + createHash('sha256').update(der).digest('base64').replace(/=+$/, '');
}

type Fail = (problem: string, hint: string, cause?: unknown) => never;

function readKey(file: string, kind: KeyKind): KeyObject {
  const fail: Fail = (problem, hint, cause) => {
    throw new BundleError('KEY_INVALID', `${file}: ${problem}`, hint, { file }, { cause });
  };
  const pem = readKeyText(file, kind, fail);
  checkPemLabel(pem, kind, fail);
  const key = parseKey(pem, kind, fail);
  if (key.asymmetricKeyType !== 'ed25519') fail(`holds a key of type ${key.asymmetricKeyType ?? "unknown"}, not Ed25519`, 'make an Ed25519 pair with `sqlgen keygen`');
  return key;
}

/** A PEM Ed25519 key is a few hundred bytes; reading stops well past that (think `/dev/zero`). */
const MAX_KEY_FILE_BYTES = 64 * 1024;
/** Group and other permission bits: ssh refuses a private key with any of them. */
const GROUP_OTHER = 0o077;

function readKeyText(file: string, kind: KeyKind, fail: Fail): string {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return fail(`cannot read the key file (${code})`, code === 'ENOENT' ? 'check the path, or make a key pair with `sqlgen keygen`' : 'check that it is a readable file', error);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) fail('not a regular file', `give the ${kind} key file \`sqlgen keygen\` wrote`);
    if (kind === 'private' && process.platform !== 'win32' && (stats.mode & GROUP_OTHER) !== 0) {
      fail(`permissions ${(stats.mode & 0o777).toString(8).padStart(4, '0')} are too open: a private key must be readable by its owner only`, `run \`chmod 600 ${file}\``);
    }
    const bytes = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
    let length = 0;
    for (let read; length < bytes.length && (read = readSync(descriptor, bytes, length, bytes.length - length, null)) > 0; ) length += read;
    if (length > MAX_KEY_FILE_BYTES) fail(`larger than ${MAX_KEY_FILE_BYTES / 1024} KiB: not a key file`, `give the ${kind} key file \`sqlgen keygen\` wrote`);
    return bytes.subarray(0, length).toString('utf8');
  } finally {
    closeSync(descriptor);
  }
}

function checkPemLabel(pem: string, kind: KeyKind, fail: Fail): void {
  const label = PEM_BEGIN.exec(pem)?.[1];
  const hint = `give the ${kind} key file, as \`sqlgen keygen\` writes it: ${KEY_FILE_SHAPE[kind]}`;
  if (label === undefined) fail(`not a PEM ${kind} key`, hint);
  else if (label !== PEM_LABEL[kind]) fail(`holds a PEM "${label}" where a "${PEM_LABEL[kind]}" was expected`, hint);
}

function parseKey(pem: string, kind: KeyKind, fail: Fail): KeyObject {
  try {
    return kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (error) {
    return fail(`not a valid PEM ${kind} key`, 'the file is damaged; restore it, or make a new pair with `sqlgen keygen`', error);
  }
}
