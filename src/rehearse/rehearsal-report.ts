import type { RehearsalReport } from './rehearse-range.js';
import type { RehearsalFailure } from './rehearsal.js';

/**
 * A failure in one paragraph: the step, the file and line, the revision, the engine's message
 * or the first difference, and the statement (`step downgrade, revisions/0004_...down.sql:12,
 * revision 5b8d1f3e9a27: column "x" does not exist; statement: ALTER TABLE ...`).
 */
export function describeFailure(failure: RehearsalFailure): string {
  const where = [
    `step ${failure.step}`,
    failure.line === undefined ? failure.file : `${failure.file}:${failure.line}`,
    failure.revision && `revision ${failure.revision}`,
  ].filter(Boolean);
  const printed = failure.output?.length ? `; the script printed: ${failure.output.join(' / ')}` : '';
  const statement = failure.statement ? `; statement: ${firstLine(failure.statement)}` : '';
  return `${where.join(', ')}: ${failure.message}${printed}${statement}`;
}

/** Every difference of a state mismatch, one per line, for the full report. */
export function failureLines(failure: RehearsalFailure): string[] {
  return [describeFailure(failure), ...(failure.differences?.slice(1).map((difference) => `  also: ${difference}`) ?? [])];
}

function firstLine(statement: string): string {
  const [line, ...rest] = statement.split('\n');
  return rest.length > 0 ? `${line} ...` : line!;
}

/** `sqlgen rehearse` as text: the verdict, then what each revision changes or what failed. */
export function formatRehearsalReport(report: RehearsalReport): string {
  const range = `${report.from} -> ${report.to} (${report.revisions.length} revision(s), ${report.dialect})`;
  if (report.status === 'unavailable' || report.status === 'skipped') return `${range}: ${report.detail}\n`;
  const lines = [`${range} on ${report.engine}${report.seed ? `, seeded from ${report.seed.file}` : ''}: ${VERDICTS[report.status]}`];
  if (report.failure) lines.push(...failureLines(report.failure).map((line) => `  ${line}`));
  if (report.status === 'passed') {
    for (const revision of report.revisions) {
      lines.push(`  ${revision.id} ${revision.message}`);
      lines.push(...(revision.schemaChanges.length > 0 ? revision.schemaChanges.map((change) => `    - ${change}`) : ['    - no change to the schema']));
    }
  }
  return `${lines.join('\n')}\n`;
}

const VERDICTS: Record<RehearsalReport['status'], string> = {
  passed: 'passed: every upgrade ran, every rollback gave back the schema and data it started from',
  failed: 'FAILED',
  'not rehearsable': 'not rehearsable past one statement (the engine cannot run it; a server can)',
  skipped: 'skipped',
  unavailable: 'unavailable',
};
