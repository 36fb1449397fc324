/**
 * `sqlgen check` as a function: the integrity of the revisions (sum file, heads), the lint
 * findings of their upgrade and drift from the declared schema, as one report for CI.
 */
import { existsSync } from 'node:fs';
import { lintRevisionRange, type RevisionRange } from '../lint/lint-project.js';
import { countOf, lintReport, type FailOn, type LintReport } from '../lint/report/lint-report.js';
import type { Finding } from '../lint/types.js';
import type { Project } from '../project.js';
import { checkIntegrity } from './check-integrity.js';
import { INTEGRITY_FINDING_KINDS, type IntegrityProblem } from './problems.js';

export interface CheckRequest {
  /** The revisions to lint; default all of them (`base` → `heads`). */
  range: Partial<RevisionRange>;
  /** --fail-on; the config's `lint.failOn` otherwise. */
  failOn?: FailOn;
}

/**
 * Integrity problems first (they concern the whole project), then lint findings in graph order,
 * then drift between head and the declared schema, when the project declares one.
 */
export async function runCheck(project: Project, request: CheckRequest): Promise<LintReport> {
  const integrity = checkIntegrity(project).map(integrityFinding);
  const lint = await lintRevisionRange(project, { from: request.range.from ?? 'base', to: request.range.to ?? 'heads' });
  const drift = existsSync(project.config.schema) ? await (await import('../autogenerate/drift.js')).schemaDriftFindings(project) : [];
  return lintReport([...integrity, ...lint.findings, ...drift], countOf(project.graph.size, 'revision'), request.failOn ?? project.config.lint.failOn);
}

const SEVERITY_OF = new Map(INTEGRITY_FINDING_KINDS.map((kind) => [kind.id, kind.severity]));

function integrityFinding(problem: IntegrityProblem): Finding {
  return {
    ruleId: problem.code,
    severity: SEVERITY_OF.get(problem.code)!,
    message: problem.message,
    help: problem.hint,
    location: { file: problem.file, line: problem.line ?? 1, column: 1 },
  };
}
