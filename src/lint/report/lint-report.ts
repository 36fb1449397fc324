/**
 * A lint run's result as every output format sees it: the findings, counts, and whether they
 * fail the run at the chosen threshold.
 */
import type { Finding, Severity } from '../types.js';

/** The lowest severity that fails a run, or `none` to report without failing. */
export type FailOn = Severity | 'none';

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'none'] as const satisfies readonly FailOn[];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface LintReport {
  findings: Finding[];
  /** Findings per severity. */
  counts: Record<Severity, number>;
  /** What was read, e.g. `6 revisions` or `2 files`. */
  scanned: string;
  failOn: FailOn;
  /** True when a finding is at or above `failOn`: the command exits 1. */
  failed: boolean;
}

/** The report over `findings`, failing at `failOn`. */
export function lintReport(findings: Finding[], scanned: string, failOn: FailOn): LintReport {
  return { findings, counts: severityCounts(findings), scanned, failOn, failed: findings.some((finding) => atOrAbove(finding.severity, failOn)) };
}

/** How many findings there are of each severity. */
export function severityCounts(findings: ReadonlyArray<{ severity: Severity }>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** `1 revision`, `6 revisions`: what a report scanned, for {@link LintReport.scanned}. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Whether `severity` reaches the `failOn` threshold. */
export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

/** One line: `2 errors, 1 warning in 6 revisions`, or `no findings in 6 revisions`. */
export function summaryLine(report: LintReport): string {
  const parts = (['error', 'warning', 'info'] as const).filter((severity) => report.counts[severity] > 0).map((severity) => (severity === 'info' ? `${report.counts.info} info` : countOf(report.counts[severity], severity)));
  return `${parts.length > 0 ? parts.join(', ') : 'no findings'} in ${report.scanned}`;
}
