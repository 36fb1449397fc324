import path from 'node:path';
import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';

/** The new key files, relative to the current directory, and the public key's fingerprint. */
export interface KeygenResult {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

export default class Keygen extends SqlgenCommand {
  static override summary = 'Create an Ed25519 key pair for signing bundles.';
  static override description = [
    'Writes sqlgen.key.pem (the private key, readable by you only) and sqlgen.pub.pem (the public key, to give to whoever verifies bundles) into --out, the current directory by default. The folder is created if needed.',
    'Never overwrites: if either file exists, nothing is written. Keep the private key out of version control.',
  ].join('\n\n');
  static override examples = ['<%= config.bin %> keygen', '<%= config.bin %> keygen --out ~/.config/sqlgen'];
  static override flags = {
    out: Flags.string({ summary: 'Folder for the key files.', default: '.' }),
  };

  async run(): Promise<KeygenResult> {
    const { flags } = await this.parse(Keygen);
    const { writeKeyPair } = await import('../bundle/keygen.js');
    const written = writeKeyPair(flags.out);
    const result = { privateKey: fromCwd(written.privateKeyFile), publicKey: fromCwd(written.publicKeyFile), fingerprint: written.fingerprint };
    this.log([`private key  ${result.privateKey}`, `public key   ${result.publicKey}`, `fingerprint  ${result.fingerprint}`].join('\n'));
    this.logToStderr(`Keep ${result.privateKey} secret and out of git (add it to .gitignore); share ${result.publicKey}.`);
    return result;
  }
}

function fromCwd(file: string): string {
  return path.relative(process.cwd(), path.resolve(file));
}
