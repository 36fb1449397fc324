/**
 * SARIF 2.1.0, as GitHub code scanning takes it: every kind of finding described once in
 * `tool.driver.rules`, results with 1-based regions relative to the repository root, and
 * fingerprints that survive lines moving above a finding.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { PACKAGE_INFO } from '../../package-info.js';
import { sha256Hex } from '../../sha256.js';
import { LINT_IDS } from '../engine.js';
import { ruleDocUrl } from '../rule-docs.js';
import type { Finding, FindingKind, Severity } from '../types.js';
import type { LintReport } from './lint-report.js';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** The fingerprint's name; bump the version if what it hashes changes. */
const FINGERPRINT = 'sqlgenFinding/v1';

/**
 * The report as a SARIF log. `kinds` describe every id the findings use (rules, `parse-error`,
 * `sqlgen check`'s integrity problems); a finding whose id is not among them is a bug.
 */
export function toSarif(report: LintReport, kinds: readonly FindingKind[]): Log {
  const index = new Map(kinds.map((kind, position) => [kind.id, position]));
  const seen = new Map<string, number>();
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'sqlgen', version: PACKAGE_INFO.version, semanticVersion: PACKAGE_INFO.version, rules: kinds.map((kind) => descriptor(kind, LINT_IDS.includes(kind.id))) } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => result(finding, index, seen)),
      },
    ],
  };
}

/** Formats the SARIF log as the file GitHub's upload action reads. */
export function formatSarif(report: LintReport, kinds: readonly FindingKind[]): string {
  return JSON.stringify(toSarif(report, kinds), null, 2);
}

/** `documented`: the kind has a page in `docs/rules/` (lint rules and `parse-error`, not integrity problems). */
function descriptor(kind: FindingKind, documented: boolean): ReportingDescriptor {
  return {
    id: kind.id,
    name: kind.id.replace(/(?:^|-)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
    shortDescription: { text: kind.description },
    fullDescription: { text: kind.description },
    help: { text: kind.help },
    ...(documented && { helpUri: ruleDocUrl(kind.id) }),
    defaultConfiguration: { level: LEVELS[kind.severity], ...(kind.enabledByDefault === false && { enabled: false }) },
  };
}

function result(finding: Finding, index: ReadonlyMap<string, number>, seen: Map<string, number>): Result {
  const ruleIndex = index.get(finding.ruleId);
  if (ruleIndex === undefined) throw new Error(`no description for finding kind ${finding.ruleId}`);
  const text = [finding.message, ...(finding.statement ? [`Statement: ${finding.statement}`] : []), `Help: ${finding.help}`].join('\n');
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifact(finding.location.file), region: { startLine: finding.location.line, startColumn: finding.location.column } } }],
    partialFingerprints: { [FINGERPRINT]: fingerprint(finding, seen) },
  };
}

/** A relative path stays relative to the repository root (`%SRCROOT%`); an absolute one becomes a file URI. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * What the finding is about, not where: rule, file, message (which names the table and column)
 * and statement, plus a counter for identical ones. Lines inserted above leave it unchanged.
 */
function fingerprint(finding: Finding, seen: Map<string, number>): string {
  const digest = sha256Hex([finding.ruleId, finding.location.file, finding.message, finding.statement ?? ''].join('\u0000'));
  const occurrence = (seen.get(digest) ?? 0) + 1;
  seen.set(digest, occurrence);
  return `${digest}:${occurrence}`;
}
