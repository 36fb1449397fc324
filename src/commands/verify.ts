import path from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';
import { ExitCode } from '../errors.js';
import type { VerifyReport } from '../bundle/verify-bundle.js';

export default class Verify extends SqlgenCommand {
  static override summary = 'Check a bundle: checksums, missing or extra files, manifest, signature, and optionally that it matches the revisions.';
  static override description = 'Exits 0 when every check passes and 1 when any fails, naming each file and what is wrong with it. The public key comes from --pubkey or the config\'s signing.publicKey; with a key, an unsigned bundle fails. --rebuild re-renders the bundle\'s range from the revisions in the working directory and compares every file byte for byte.';
  static override examples = [
    '<%= config.bin %> verify output/base-to-7c9e2b4a1d30-postgresql',
    '<%= config.bin %> verify output/base-to-7c9e2b4a1d30-postgresql.tar.gz --pubkey keys/sqlgen.pub.pem',
    '<%= config.bin %> verify output/base-to-7c9e2b4a1d30-postgresql --rebuild',
  ];
  static override args = { bundle: Args.string({ description: 'bundle folder or .tar.gz archive', required: true }) };
  static override flags = {
    pubkey: Flags.string({ summary: 'Ed25519 public key (PEM) the signature must verify with.', env: 'SQLGEN_VERIFY_KEY' }),
    rebuild: Flags.boolean({ summary: 'Re-render the range from the current revisions and compare byte for byte.', default: false }),
  };

  async run(): Promise<VerifyReport> {
    const { args, flags } = await this.parse(Verify);
    const { verifyBundle } = await import('../bundle/verify-bundle.js');
    const { readPublicKey } = await import('../bundle/signing.js');
    const keyFile = flags.pubkey ? path.resolve(flags.pubkey) : await this.configuredPublicKey(flags);
    const report = await verifyBundle({
      target: path.resolve(args.bundle),
      ...(keyFile && { publicKey: readPublicKey(keyFile) }),
      ...(flags.rebuild && { rebuildFrom: (dialect: string) => this.openProject({ ...flags, dialect }) }),
    });
    for (const { file, problem, detail, diff = [] } of report.problems) {
      this.logToStderr(`${file}: ${problem}: ${detail}`);
      for (const line of diff) this.logToStderr(`    ${line}`);
    }
    this.log(summary({ ...report, bundle: args.bundle }, keyFile !== undefined));
    // A failed check is a result, not an error: --json still prints the whole report.
    if (!report.ok) process.exitCode = ExitCode.findings;
    return { ...report, bundle: args.bundle };
  }

  /** The config's signing.publicKey, read only when a config file is there: verify works anywhere. */
  private async configuredPublicKey(flags: { config?: string }): Promise<string | undefined> {
    const { loadConfig } = await import('../config/load-config.js');
    return loadConfig(this.configSources(flags)).signing.publicKey;
  }
}

function summary(report: VerifyReport, keyGiven: boolean): string {
  const signature = {
    valid: `signature valid (${report.signedBy})`,
    invalid: 'signature INVALID',
    'not checked': keyGiven ? 'signature not checked (the bundle could not be read)' : 'signature present, not checked (no public key given)',
    absent: 'unsigned',
  }[report.signature];
  const verdict = report.ok ? 'OK' : `FAILED: ${report.problems.length} problem(s)`;
  return `${report.bundle}: ${verdict}; ${report.files} files; ${signature}${report.rebuilt && report.ok ? '; matches the revisions' : ''}`;
}
