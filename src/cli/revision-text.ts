import type { RevisionSummary } from '../revisions/summary.js';

/**
 * Terminal renderings of revisions, in the shape Alembic users know:
 * `1a2b3c4d5e6f -> 3f2a9c1b7d4e (head), add orders`.
 */

export function markers(revision: RevisionSummary): string {
  const marks = [
    ...revision.branchLabels.map((label) => `(${label})`),
    revision.isHead && '(head)',
    revision.isBranchPoint && '(branchpoint)',
    revision.isMergePoint && '(mergepoint)',
  ].filter(Boolean);
  return marks.length > 0 ? ` ${marks.join(' ')}` : '';
}

/**
 * A revision's row in `history --graph`, after the lanes: id, head and branch labels (branch and
 * merge points show in the drawing), message, and its dependencies as a dashed arrow.
 */
export function graphLabel(revision: RevisionSummary): string {
  const refs = [...(revision.isHead ? ['head'] : []), ...revision.branchLabels];
  const dependsOn = revision.dependsOn.length > 0 ? `  -.-> depends on ${revision.dependsOn.join(', ')}` : '';
  return `${revision.id}${refs.length > 0 ? ` (${refs.join(', ')})` : ''} ${revision.message}${dependsOn}`;
}

/** One line: parents -> id (markers), message. */
export function historyLine(revision: RevisionSummary): string {
  const from = revision.parents.length > 0 ? revision.parents.join(', ') : '<base>';
  return `${from} -> ${revision.id}${markers(revision)}, ${revision.message}`;
}

/** A block with every detail, for `--verbose` and `show`. */
export function revisionBlock(revision: RevisionSummary): string {
  const rows: Array<[string, string]> = [
    ['Rev', `${revision.id}${markers(revision)}`],
    ['Parent', revision.parents.length > 0 ? revision.parents.join(', ') : '<base>'],
    ...(revision.children.length > 1 ? [['Branches into', revision.children.join(', ')] as [string, string]] : []),
    ...(revision.dependsOn.length > 0 ? [['Depends on', revision.dependsOn.join(', ')] as [string, string]] : []),
    ...(revision.branchLabels.length > 0 ? [['Branch names', revision.branchLabels.join(', ')] as [string, string]] : []),
    ...(revision.dialect ? [['Dialect', revision.dialect] as [string, string]] : []),
    ['Path', revision.file],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const body = rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
  return [...body, '', `    ${revision.message}`].join('\n');
}

/** A branch point and the revisions it branches into. */
export function branchBlock(point: RevisionSummary, children: RevisionSummary[]): string {
  return [`${point.id}${markers(point)}, ${point.message}`, ...children.map((child) => `  -> ${child.id}${markers(child)}, ${child.message}`)].join('\n');
}
