import { IntegrityError } from '../errors.js';
import type { Project } from '../project.js';
import { compareSum } from './compare-sum.js';
import { headProblems } from './head-problems.js';
import type { IntegrityProblem } from './problems.js';
import { readSumText, sumEntries, sumLocation } from './project-sum.js';
import { parseSumOrError } from './sum-file.js';

/**
 * Everything `sqlgen check` reports about the project's integrity: the sum file against the
 * revision files (`sum-missing`, `sum-invalid`, `revision-added`/`-edited`/`-removed`,
 * `sum-mismatch`, `sum-out-of-order`) and `multiple-heads` unless the config allows them.
 * Throws only for a sum file it cannot read.
 *
 * @example
 * checkIntegrity(openProject(sources)) // [{ code: 'revision-edited', file: 'revisions/3f2a_add_orders.ts', ... }]
 */
export function checkIntegrity(project: Project): IntegrityProblem[] {
  return [...sumProblems(project), ...headProblems(project.graph, project.config.allowMultipleHeads)];
}

/**
 * Before a new revision is added: whether the project keeps a sum file. Throws SUM_OUT_OF_DATE
 * when the sum does not match the revisions, so that adding a revision never records edits
 * nobody has reviewed (as Atlas's `migrate new` refuses an out-of-sync directory).
 */
export function keepsCurrentSum(project: Project): boolean {
  // A format-1 sum is rewritten in format 2 with the new revision; that alone needs no review.
  const problems = sumProblems(project).filter((problem) => problem.code !== 'sum-old-format');
  if (problems.some((problem) => problem.code === 'sum-missing')) return false;
  if (problems.length > 0) {
    const { shown } = sumLocation(project.config);
    throw new IntegrityError(
      'SUM_OUT_OF_DATE',
      `${shown} does not match the revisions:\n${problems.map((problem) => `  ${problem.message}`).join('\n')}`,
      'review these changes and run `sqlgen hash` to record them, then run this command again',
      { file: shown },
    );
  }
  return true;
}

function sumProblems(project: Project): IntegrityProblem[] {
  const location = sumLocation(project.config);
  const text = readSumText(location);
  if (text === null) {
    return [{ code: 'sum-missing', file: location.shown, message: `${location.shown} does not exist`, hint: 'run `sqlgen hash` to create it, and commit it with the revisions' }];
  }
  const recorded = parseSumOrError(text, location.shown);
  if (recorded instanceof IntegrityError) {
    return [{ code: 'sum-invalid', file: location.shown, ...(recorded.location.line !== undefined && { line: recorded.location.line }), message: recorded.message, hint: recorded.hint }];
  }
  return compareSum(sumEntries(project.graph), recorded, location.shown);
}
