import { createPublicKey } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { generateSigningKeyPair, publicKeyFingerprint } from './signing.js';
import { writeNewFile } from './write-new-file.js';

/** Where {@link writeKeyPair} put a new key pair, and the public key's fingerprint. */
export interface KeyPairFiles {
  privateKeyFile: string;
  publicKeyFile: string;
  /** See {@link publicKeyFingerprint}. */
  fingerprint: string;
}

const OWNER_ONLY = 0o600;
const WORLD_READABLE = 0o644;
const EXISTS_HINT = 'move the existing key file away, or pick another --out';

/**
 * Writes a new Ed25519 pair as `<dir>/<name>.key.pem` (mode 0600) and `<dir>/<name>.pub.pem`
 * (mode 0644), creating `dir` if needed. Never overwrites: when either file exists, neither is
 * left written (the private key is removed if the public one cannot be written).
 *
 * @example writeKeyPair('keys') // { privateKeyFile: 'keys/sqlgen.key.pem', publicKeyFile: 'keys/sqlgen.pub.pem', fingerprint: 'SHA256:…' }
 * @throws {WriteError} naming the file that exists or cannot be written, or the folder.
 */
export function writeKeyPair(dir: string, name = 'sqlgen'): KeyPairFiles {
  const privateKeyFile = path.join(dir, `${name}.key.pem`);
  const publicKeyFile = path.join(dir, `${name}.pub.pem`);
  createFolder(dir);
  const pair = generateSigningKeyPair();
  writeNewFile(privateKeyFile, pair.privateKeyPem, OWNER_ONLY, EXISTS_HINT);
  try {
    writeNewFile(publicKeyFile, pair.publicKeyPem, WORLD_READABLE, EXISTS_HINT);
  } catch (error) {
    rmSync(privateKeyFile, { force: true }); // a private key whose public half is lost signs nothing anyone can check
    throw error;
  }
  return { privateKeyFile, publicKeyFile, fingerprint: publicKeyFingerprint(createPublicKey(pair.publicKeyPem)) };
}

function createFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new WriteError(`${dir}: cannot create the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'pick another --out, or check the permissions', { file: dir });
  }
}
