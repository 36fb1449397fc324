/**
 * The lock report as `sqlgen lint --locks` prints it: a text table, or the entries as a JSON
 * array. SARIF and GitHub annotations carry findings, and a lock is not one: those formats are
 * refused with --locks.
 */
import { LintInputError } from '../../errors.js';
import { countOf } from '../report/lint-report.js';
import type { ReportFormat } from '../report/format-report.js';
import type { LockEntry } from './lock-entry.js';
import type { LockReport } from './run-locks.js';

export type LockFormat = Extract<ReportFormat, 'text' | 'json'>;

/**
 * The format to print the lock report in.
 *
 * @throws LintInputError `CONFLICTING_INPUTS` for `sarif` and `github`.
 */
export function lockFormat(format: ReportFormat): LockFormat {
  if (format === 'text' || format === 'json') return format;
  throw new LintInputError('CONFLICTING_INPUTS', `--locks prints a table or JSON, not ${format}`, 'use --format text or --format json with --locks; run sqlgen lint without --locks for SARIF or GitHub annotations of the findings');
}

/** The longest statement the text table shows. */
const STATEMENT_WIDTH = 48;

const COLUMNS: ReadonlyArray<[heading: string, cell: (entry: LockEntry) => string]> = [
  ['where', (entry) => `${entry.location.file}:${entry.location.line}:${entry.location.column}`],
  ['statement', (entry) => (entry.statement.length > STATEMENT_WIDTH ? `${entry.statement.slice(0, STATEMENT_WIDTH - 1)}…` : entry.statement)],
  ['object', (entry) => entry.object],
  ['lock', (entry) => entry.mode],
  ['blocks', (entry) => entry.blocks],
  ['rewrite/scan', (entry) => entry.effect],
  ['note', (entry) => entry.note ?? ''],
];

/**
 * @example
 * formatLocks(report, 'text')
 * // where        statement                           object  lock              blocks            rewrite/scan  note
 * // up.sql:1:1   alter table orders add column a int orders  ACCESS EXCLUSIVE  reads and writes  none
 * //
 * // 1 lock taken by 1 statement in 1 input, for PostgreSQL 15
 */
export function formatLocks(report: LockReport, format: LockFormat): string {
  if (format === 'json') return JSON.stringify(report.entries, null, 2);
  const table = report.entries.length > 0 ? [...textTable(report.entries), ''] : [];
  const notCovered = notCoveredWarnings(report);
  return [...table, ...notCovered, summaryLine(report)].join('\n');
}

/** The inputs left out of the report: beside JSON, said on standard error, where they do not break it. */
export function notCoveredWarnings(report: LockReport): string[] {
  return report.notCovered.map(({ input, dialect }) => `${input}: not in the lock report, which has no lock model for ${dialect} yet`);
}

function textTable(entries: readonly LockEntry[]): string[] {
  const rows = [COLUMNS.map(([heading]) => heading), ...entries.map((entry) => COLUMNS.map(([, cell]) => cell(entry)))];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

function summaryLine(report: LockReport): string {
  // Statements of one op call share its location: the text tells them apart.
  const statements = new Set(report.entries.map(({ location, statement }) => `${location.file}:${location.line}:${location.column} ${statement}`)).size;
  const taken = report.entries.length > 0 ? `${countOf(report.entries.length, 'lock')} taken by ${countOf(statements, 'statement')}` : 'no locks taken';
  const version = report.dialects.includes('postgresql') ? `, for PostgreSQL ${report.postgresqlVersion}` : '';
  return `${taken} in ${report.scanned}${version}`;
}
