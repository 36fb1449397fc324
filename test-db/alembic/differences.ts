/**
 * Where sqlgen may end somewhere else than Alembic on purpose, each recognised by what it is, not
 * by listing cases. sqlgen's `downgrade FROM:TO` is the exact inverse of its upgrade: it undoes
 * ancestors(FROM) minus ancestors(TO), so the database ends where `upgrade base:TO` leaves it.
 * Alembic undoes only what descends from the target's children, and keeps the rest.
 */
import type { DbState } from './apply.js';
import type { Case, GraphFacts } from './cases.js';

export const NAMED_DIFFERENCES = {
  'merge-other-parents': 'sqlgen undoes the other parents of an undone merge, and their branches; Alembic keeps them',
  'dependents-of-target': 'sqlgen undoes revisions that depend on the target (not through a child of it); Alembic keeps them',
  'other-branches': 'sqlgen undoes branches that are not below the target; Alembic leaves them as they are',
  'relative-step-through-dependency': 'sqlgen\'s X:-1 also undoes what X pulled in through dependsOn; Alembic undoes X alone',
} as const;

export type DifferenceName = keyof typeof NAMED_DIFFERENCES;

export interface DowngradeEvidence {
  case: Case;
  facts: GraphFacts;
  alembic: DbState;
  sqlgen: DbState;
  /** Where sqlgen's own `upgrade base:<target>` ends (for base: a fresh database). */
  sqlgenReference: DbState;
  /** Where Alembic's `upgrade base:<from>` ended: the state the downgrade started from. */
  alembicStart: DbState;
}

/** What differs between two states, in words: `first` is named by `firstName`, `second` is sqlgen's. */
export function describeMismatch(first: DbState, second: DbState, firstName: string): string {
  const parts: string[] = [];
  if (JSON.stringify(first.applied) !== JSON.stringify(second.applied)) parts.push('applied revisions differ');
  if (first.versionRows === null && second.versionRows !== null) parts.push(`${firstName} has no version table, sqlgen keeps one`);
  else if (first.versionRows !== null && second.versionRows === null) parts.push(`sqlgen dropped the version table, ${firstName} kept it`);
  else if (JSON.stringify(first.versionRows) !== JSON.stringify(second.versionRows)) parts.push('version rows differ');
  if (first.otherTables.length + second.otherTables.length > 0) parts.push('other tables');
  return parts.join(', ');
}

export function sameState(a: DbState, b: DbState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The names that explain a downgrade's difference, or why none does. Named only when sqlgen
 * ends exactly where its `upgrade base:TO` ends, undid everything Alembic undid, and each
 * revision Alembic kept besides has a name.
 */
export function explainDowngrade(evidence: DowngradeEvidence): { names: DifferenceName[] } | { unexplained: string } {
  const { alembic, sqlgen, sqlgenReference } = evidence;
  if (!sameState(sqlgen, sqlgenReference)) return { unexplained: `sqlgen does not end where its own upgrade base:TO ends (${describeMismatch(sqlgenReference, sqlgen, 'upgrade base:TO')})` };
  const kept = new Set(alembic.applied);
  const undoneOnlyByAlembic = sqlgen.applied.filter((id) => !kept.has(id));
  if (undoneOnlyByAlembic.length > 0) return { unexplained: `Alembic undid ${undoneOnlyByAlembic.join(', ')}, which sqlgen kept` };
  const extra = alembic.applied.filter((id) => !sqlgen.applied.includes(id));
  if (extra.length === 0) return { unexplained: 'the same revisions are applied, but the version rows differ' };
  const names = new Set<DifferenceName>();
  for (const id of extra) {
    const name = nameKeptRevision(evidence, id);
    if (!name) return { unexplained: `Alembic kept ${id}, which no named difference explains` };
    names.add(name);
  }
  return { names: [...names].sort() };
}

/** Why Alembic kept revision `id` that sqlgen undid, if it is one of the named reasons. */
function nameKeptRevision({ case: range, facts, alembic, alembicStart }: DowngradeEvidence, id: string): DifferenceName | undefined {
  const target = range.target;
  if (range.relative && id !== range.from && facts.below(id, range.from) && !facts.parentAncestors(range.from).has(id)) return 'relative-step-through-dependency';
  if (target !== null && facts.below(target, id)) {
    // Above the target: named only when no path from the target reaches it through a child.
    return facts.above(facts.children(target)).has(id) ? undefined : 'dependents-of-target';
  }
  const undone = new Set(alembicStart.applied.filter((applied) => !alembic.applied.includes(applied)));
  const belowUndoneMerge = [...undone].some((merge) => {
    const { parents } = facts.byId.get(merge)!;
    return parents.length > 1 && facts.closure(parents).has(id);
  });
  return belowUndoneMerge ? 'merge-other-parents' : 'other-branches';
}
