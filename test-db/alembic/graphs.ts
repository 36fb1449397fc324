/**
 * Seeded random revision graphs for the Alembic differential test: several bases, branches,
 * merges (of merges, of three parents), `dependsOn` across branches (sometimes written as the
 * branch label of the revision it means) and branch labels. Same seed, same graph, on any machine.
 *
 * @example
 * const graph = generateGraph(7);
 * graph.revisions.map((revision) => revision.id); // twelve hex characters each
 */

import { pick, prng, type Random } from '../../test/helpers/random.js';

export { pick, prng, type Random };

/** One revision as both tools are told about it. */
export interface GraphRevision {
  id: string;
  /** Empty for a base, two or three for a merge. */
  parents: string[];
  /** Full ids: what sqlgen's `dependsOn` lists. */
  dependsOn: string[];
  /** What Alembic's `depends_on` lists: each entry the id, or the branch label its revision declares. */
  dependsOnWritten: string[];
  branchLabels: string[];
}

export interface Graph {
  /** `seed 17`, or the name of a hand-written case. */
  name: string;
  /** Parents and dependencies always come before a revision in this list. */
  revisions: GraphRevision[];
}

/** `count` distinct items in random order (fewer if there are not enough). */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** The hand case: `dependsOn` a base of another branch that has a child of its own. */
export const HAND_CASE: Graph = {
  name: 'hand case Y, X (dependsOn Y), Z (child of Y)',
  revisions: [
    { id: 'yyyyyyyyyyyy', parents: [], dependsOn: [], dependsOnWritten: [], branchLabels: [] },
    { id: 'xxxxxxxxxxxx', parents: [], dependsOn: ['yyyyyyyyyyyy'], dependsOnWritten: ['yyyyyyyyyyyy'], branchLabels: [] },
    { id: 'zzzzzzzzzzzz', parents: ['yyyyyyyyyyyy'], dependsOn: [], dependsOnWritten: [], branchLabels: [] },
  ],
};

/**
 * A graph of 6 to 16 revisions. Ids start with a letter, labels are `laneN` (never a hex prefix
 * of an id); parents of a merge, and dependencies, are never ancestors of one another, so no
 * edge is redundant, and every edge points back in the list, so there is no cycle.
 */
export function generateGraph(seed: number): Graph {
  const random = prng(seed);
  const size = 6 + Math.floor(random() * 11);
  const revisions: GraphRevision[] = [];
  const ancestors = new Map<string, Set<string>>();
  const labelOwner = new Map<string, string>();
  const newId = () => {
    let id: string;
    do id = 'abcdef'[Math.floor(random() * 6)]! + hexDigits(random, 11);
    while (ancestors.has(id));
    return id;
  };
  for (let index = 0; index < size; index++) {
    const id = newId();
    const parents = chooseParents(random, revisions, ancestors, index);
    const below = new Set(parents.flatMap((parent) => [parent, ...ancestors.get(parent)!]));
    const dependsOn = chooseDependencies(random, revisions, ancestors, parents, below);
    for (const dependency of dependsOn) for (const id of [dependency, ...ancestors.get(dependency)!]) below.add(id);
    ancestors.set(id, below);
    const branchLabels: string[] = [];
    if (random() < (parents.length === 1 && revisions.some((r) => r.parents.includes(parents[0]!)) ? 0.5 : 0.2)) {
      const label = `lane${labelOwner.size + 1}`;
      labelOwner.set(id, label);
      branchLabels.push(label);
    }
    const dependsOnWritten = dependsOn.map((dependency) => (labelOwner.has(dependency) && random() < 0.6 ? labelOwner.get(dependency)! : dependency));
    revisions.push({ id, parents, dependsOn, dependsOnWritten, branchLabels });
  }
  return { name: `seed ${seed}`, revisions };
}

function hexDigits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 16).toString(16);
  return text;
}

function heads(revisions: readonly GraphRevision[]): GraphRevision[] {
  return revisions.filter((revision) => !revisions.some((other) => other.parents.includes(revision.id)));
}

/** None of `ids` is an ancestor (through parents or dependencies) of another. */
function unrelated(ids: readonly string[], ancestors: ReadonlyMap<string, Set<string>>): boolean {
  return ids.every((a) => ids.every((b) => a === b || !ancestors.get(b)!.has(a)));
}

function chooseParents(random: Random, revisions: readonly GraphRevision[], ancestors: ReadonlyMap<string, Set<string>>, index: number): string[] {
  const bases = revisions.filter((revision) => revision.parents.length === 0).length;
  const roll = random();
  if (index === 0 || (roll < 0.14 && bases < 4)) return [];
  const open = heads(revisions).map((head) => head.id);
  if (open.length >= 2 && roll < 0.45) {
    const wanted = open.length >= 3 && random() < 0.35 ? 3 : 2;
    const parents = pickSome(random, open, wanted);
    if (unrelated(parents, ancestors)) return parents.sort();
    if (parents.length === 3 && unrelated(parents.slice(0, 2), ancestors)) return parents.slice(0, 2).sort();
  }
  // Mostly extend a head; sometimes start a branch from an older revision.
  return [random() < 0.65 ? pick(random, open) : pick(random, revisions).id];
}

/** Revisions on other branches: neither already below the new revision nor above one of its parents. */
function chooseDependencies(random: Random, revisions: readonly GraphRevision[], ancestors: ReadonlyMap<string, Set<string>>, parents: readonly string[], below: ReadonlySet<string>): string[] {
  if (random() >= 0.35) return [];
  const candidates = revisions.map((revision) => revision.id).filter((id) => !below.has(id) && !parents.some((parent) => ancestors.get(id)!.has(parent)));
  const chosen = pickSome(random, candidates, random() < 0.25 ? 2 : 1);
  return unrelated(chosen, ancestors) ? chosen.sort() : chosen.slice(0, 1);
}
