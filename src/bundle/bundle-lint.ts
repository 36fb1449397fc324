/**
 * The lint section of a bundle: every finding in its per-revision upgrade scripts, located in
 * those files (what the DBA runs), and the refusal to bundle error findings unless allowed. The
 * same walk gives the handoff summary's locks, as `sqlgen lint --locks` on the bundle folder
 * prints them: each script is parsed once for both.
 */
import type { LaidOutScript } from '../compile/render-script.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { BundleError } from '../errors.js';
import { lintScript } from '../lint/engine.js';
import type { LockEntry } from '../lint/locks/lock-entry.js';
import { coversLocks, lockCollector } from '../lint/locks/lock-script.js';
import { checkedLintDisable } from '../lint/lint-revisions.js';
import { cachedReading, type ScriptReading, type ScriptReadingCache } from '../lint/reading-cache.js';
import { severityCounts } from '../lint/report/lint-report.js';
import type { Finding, LintSettings } from '../lint/types.js';
import type { Revision } from '../revisions/types.js';
import type { ManifestFinding, ManifestLint } from './manifest.js';

/** A revision's upgrade script and its path in the bundle. */
export interface BundledScript {
  revision: Revision;
  file: string;
  script: LaidOutScript;
}

export interface BundleLintOptions extends LintSettings {
  dialect: DialectId;
  /** --allow-lint-errors: bundle despite error findings, and say so in the manifest. */
  allowErrors: boolean;
}

/** What reading the bundle's upgrade scripts gives. */
export interface BundleReading {
  lint: ManifestLint;
  /** Per revision, in bundle order, the locks its upgrade file takes; undefined when the dialect has no lock model. */
  locks: LockEntry[][] | undefined;
}

/**
 * Lints the scripts and reads their locks; with an error finding and no `allowErrors`, refuses
 * with every error listed. A finding of a rule the revision turned off (`lintDisable`) is kept
 * apart as suppressed: the DBA sees what was reviewed away, and `sqlgen lint` on the bundle
 * turns off the same rules.
 *
 * @throws BundleError `LINT_ERRORS` (exit 1) naming each error finding.
 */
export async function lintBundledScripts(scripts: readonly BundledScript[], options: BundleLintOptions, cache: ScriptReadingCache | null = null): Promise<BundleReading> {
  const findings: ManifestFinding[] = [];
  const suppressed: ManifestFinding[] = [];
  const locks: LockEntry[][] = [];
  for (const { revision, file, script } of scripts) {
    const disabled = checkedLintDisable(revision);
    const reading = await readScript(script.text, file, options, cache);
    for (const finding of reading.findings) (disabled.includes(finding.ruleId) ? suppressed : findings).push(manifestFinding(finding, revision));
    if (reading.locks) locks.push(reading.locks);
  }
  const counts = severityCounts(findings);
  if (counts.error > 0 && !options.allowErrors) throw lintErrors(findings.filter((finding) => finding.severity === 'error'));
  const lint = { counts, errorsAllowed: options.allowErrors, findings, ...(suppressed.length > 0 && { suppressed }) };
  return { lint, locks: coversLocks(options.dialect) ? locks : undefined };
}

/** One script's findings and locks: from the cache when its text and the settings are unchanged. */
async function readScript(text: string, file: string, options: BundleLintOptions, cache: ScriptReadingCache | null): Promise<ScriptReading> {
  const { dialect, rules, postgresqlVersion, mysqlVersion, sqlServerEdition } = options;
  const settings = { file, dialect, rules, postgresqlVersion, mysqlVersion, sqlServerEdition };
  const read = async (): Promise<ScriptReading> => {
    const collector = lockCollector({ dialect, postgresqlVersion, mysqlVersion, sqlServerEdition });
    return { findings: await lintScript(text, settings, collector?.observe), ...(collector && { locks: collector.entries }) };
  };
  return cachedReading(cache, text, settings, read);
}

function manifestFinding(finding: Finding, revision: Revision): ManifestFinding {
  const { file, line, column } = finding.location;
  return { revision: revision.id, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, file, line, column };
}

function lintErrors(errors: readonly ManifestFinding[]): BundleError {
  const listed = errors.map((error) => `  ${error.file}:${error.line}:${error.column}: ${error.ruleId} ${error.message}`).join('\n');
  return new BundleError(
    'LINT_ERRORS',
    `the bundle's scripts have ${errors.length} lint error(s):\n${listed}`,
    'fix the revisions (see `sqlgen lint`), disable the rule for a reviewed revision with lintDisable, or bundle anyway with --allow-lint-errors (recorded in the manifest)',
  );
}
