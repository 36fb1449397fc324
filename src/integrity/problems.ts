import type { FindingKind } from '../lint/types.js';

/**
 * What `sqlgen check` reports about the revisions' integrity, by stable kebab-case code. Each
 * kind is described the way lint rules are, for text, JSON and SARIF reports.
 */
const KINDS = {
  'revision-added': {
    severity: 'error',
    description: 'A revision file is not recorded in revisions/sqlgen.sum.',
    help: 'Review the new revision, then run `sqlgen hash` to record it.',
  },
  'revision-edited': {
    severity: 'error',
    description: 'A revision file changed since revisions/sqlgen.sum recorded it.',
    help: 'Put changes to applied revisions in a new revision; if nobody has applied it yet, run `sqlgen hash`.',
  },
  'revision-removed': {
    severity: 'error',
    description: 'A revision file recorded in revisions/sqlgen.sum is gone.',
    help: 'Restore the file, or run `sqlgen hash` if removing it is intended.',
  },
  'import-added': {
    severity: 'error',
    description: 'A local module a revision imports is not recorded in revisions/sqlgen.sum.',
    help: 'Review it, then run `sqlgen hash` to record it.',
  },
  'import-edited': {
    severity: 'error',
    description: 'A local module a revision imports changed since revisions/sqlgen.sum recorded it, so the revision may render other SQL.',
    help: 'Put changes that applied revisions would see in a new revision; if nobody has applied them yet, run `sqlgen hash`.',
  },
  'import-removed': {
    severity: 'error',
    description: 'A local module recorded in revisions/sqlgen.sum is gone or no longer imported.',
    help: 'Restore it, or run `sqlgen hash` if that is intended.',
  },
  'sum-old-format': {
    severity: 'warning',
    description: 'revisions/sqlgen.sum is in format 1, which does not record the local modules revisions import.',
    help: 'Run `sqlgen hash` to rewrite it in format 2.',
  },
  'sum-missing': {
    severity: 'warning',
    description: 'There is no revisions/sqlgen.sum, so edited, removed or concurrently added revisions go unnoticed.',
    help: 'Run `sqlgen hash` and commit revisions/sqlgen.sum with the revisions.',
  },
  'sum-invalid': {
    severity: 'error',
    description: 'revisions/sqlgen.sum is not in the sum format (often: git merge-conflict markers).',
    help: 'Merge the revisions if two branches added some, then run `sqlgen hash`.',
  },
  'sum-mismatch': {
    severity: 'error',
    description: 'The chained digests in revisions/sqlgen.sum do not add up: it was edited by hand.',
    help: 'Check the revision files, then run `sqlgen hash` to rewrite it.',
  },
  'sum-out-of-order': {
    severity: 'error',
    description: 'revisions/sqlgen.sum lists the revisions in another order than the graph applies them.',
    help: 'Run `sqlgen hash` to rewrite it in graph order.',
  },
  'multiple-heads': {
    severity: 'error',
    description: 'The revision graph has more than one head, and the config does not allow that.',
    help: 'Join the heads with `sqlgen merge -m MSG`, or set "allowMultipleHeads": true in sqlgen.config.json.',
  },
} as const satisfies Record<string, Omit<FindingKind, 'id'>>;

export type IntegrityCode = keyof typeof KINDS;

/** Every integrity finding kind, for reports (SARIF `tool.driver.rules`) and docs. */
export const INTEGRITY_FINDING_KINDS: readonly FindingKind[] = Object.entries(KINDS).map(([id, kind]) => ({ id, ...kind }));

/**
 * One integrity problem. `file` is project-relative: the revision file for `revision-added`,
 * `revision-edited` and `multiple-heads`; the sum file (and its line) for the others.
 */
export interface IntegrityProblem {
  code: IntegrityCode;
  file: string;
  line?: number;
  message: string;
  /** How to fix this one; the kind's `help` is the general advice. */
  hint: string;
}
