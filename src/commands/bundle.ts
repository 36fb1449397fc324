import path from 'node:path';
import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';
import { dialectFlag, guardsFlag } from '../cli/shared-flags.js';
import type { CreatedBundle } from '../bundle/create-bundle.js';

export default class Bundle extends SqlgenCommand {
  static override summary = 'Write a signed bundle of scripts for a DBA: upgrade, rollback, per-revision files, manifest, checksums, handoff summary.';
  static override description = `The bundle goes to <outputDir>/<name>/ (default output/<from>-to-<to>-<dialect>/). It is built beside the target and renamed into place, so a failure leaves the output folder as it was; an existing bundle is replaced only with --force. The signing key comes from --sign-key, SQLGEN_SIGN_KEY or the config's signing.privateKey; without one the bundle is unsigned. The upgrade scripts are linted (as sqlgen lint does) and the findings recorded in manifest.json and README.md; an error finding stops the bundle unless --allow-lint-errors.`;
  static override examples = [
    '<%= config.bin %> bundle',
    '<%= config.bin %> bundle --from base --to head --ticket CHG-1234 --sign-key keys/sqlgen.key.pem --archive',
    '<%= config.bin %> bundle --from 3f2a --to loyalty@head --dialect mysql --name release-42',
  ];
  static override flags = {
    from: Flags.string({ summary: 'Revision the database is at before the bundle (base: empty).', default: 'base' }),
    to: Flags.string({ summary: 'The one revision the bundle brings the database to.', default: 'heads' }),
    dialect: dialectFlag,
    out: Flags.string({ summary: "Folder to write the bundle into (default: the config's outputDir)." }),
    name: Flags.string({ summary: 'Folder name of the bundle (default: <from>-to-<to>-<dialect>).' }),
    ticket: Flags.string({ summary: 'Change ticket the bundle is for; recorded in the manifest and summary.' }),
    'sign-key': Flags.string({ summary: 'Ed25519 private key (PEM) to sign manifest.json with.', env: 'SQLGEN_SIGN_KEY' }),
    archive: Flags.boolean({ summary: 'Also write <name>.tar.gz beside the folder.', default: false }),
    force: Flags.boolean({ summary: 'Replace an existing bundle of the same name.', default: false }),
    guards: guardsFlag,
    rehearse: Flags.boolean({ summary: "Rehearse the scripts on an embedded PostgreSQL or SQLite first, and stop if they fail (--no-rehearse to skip; default: the config's rehearsal.enabled).", allowNo: true }),
    seed: Flags.string({ summary: "SQL file the rehearsal runs at the --from state first (default: the config's rehearsal.seed)." }),
    'allow-rehearsal-failure': Flags.boolean({ summary: 'Write the bundle even when the rehearsal fails; the manifest and summary say so.', default: false }),
    'allow-lint-errors': Flags.boolean({ summary: 'Write the bundle even with error lint findings; the manifest and summary say so.', default: false }),
  };

  async run(): Promise<CreatedBundle> {
    const { flags } = await this.parse(Bundle);
    const project = await this.openProject(flags);
    const { createBundle } = await import('../bundle/create-bundle.js');
    const cwd = process.cwd();
    this.logToStderr(`bundling ${flags.from} -> ${flags.to} (${project.config.dialect})...`);
    const bundle = await createBundle(project, {
      from: flags.from,
      to: flags.to,
      ...(flags.name !== undefined && { name: flags.name }),
      ...(flags.ticket !== undefined && { ticket: flags.ticket }),
      ...(flags.out !== undefined && { outputDir: path.resolve(cwd, flags.out) }),
      signingKeyFile: flags['sign-key'] ? path.resolve(cwd, flags['sign-key']) : project.config.signing.privateKey,
      force: flags.force,
      archive: flags.archive,
      allowLintErrors: flags['allow-lint-errors'],
      guards: flags.guards,
      rehearsal: {
        ...(flags.rehearse !== undefined && { enabled: flags.rehearse }),
        ...(flags.seed !== undefined && { seed: path.resolve(cwd, flags.seed) }),
        allowFailure: flags['allow-rehearsal-failure'],
      },
      notify: (message) => this.logToStderr(message),
    });
    this.log(path.relative(cwd, bundle.directory) || '.');
    if (bundle.archive) this.log(path.relative(cwd, bundle.archive));
    this.logToStderr(`${bundle.revisions.length} revision(s), ${bundle.files.length} files, ${bundle.signedBy ? `signed by ${bundle.signedBy}` : 'unsigned (no signing key given)'}`);
    this.logToStderr(`lint: ${lintSummary(bundle.lint)} (see README.md in the bundle)`);
    this.logToStderr(`rehearsal: ${rehearsalSummary(bundle.rehearsal)}`);
    return { ...bundle, directory: path.relative(cwd, bundle.directory), ...(bundle.archive && { archive: path.relative(cwd, bundle.archive) }) };
  }
}

function rehearsalSummary({ status, engine, detail }: CreatedBundle['rehearsal']): string {
  if (status === 'passed') return `passed on ${engine}`;
  if (status === 'failed') return `FAILED on ${engine}, bundled anyway (--allow-rehearsal-failure): ${detail}`;
  return detail ?? status;
}

function lintSummary({ counts, errorsAllowed }: CreatedBundle['lint']): string {
  const found = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)`;
  return errorsAllowed && counts.error > 0 ? `${found}; errors let through by --allow-lint-errors` : found;
}
