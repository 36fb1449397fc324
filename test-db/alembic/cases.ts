/**
 * The ranges the differential test renders for one graph, and the graph questions it asks
 * (ancestors, descendants) answered from the generated graph itself, not from sqlgen.
 */
import { pick, pickSome, prng, type Graph, type GraphRevision } from './graphs.js';

export type Command = 'upgrade' | 'downgrade' | 'stamp';

/** What kind of range a case is, for grouping differences in the report. */
export type Shape =
  | 'upgrade base:heads'
  | 'upgrade base:X'
  | 'upgrade X:Y (X below Y)'
  | 'upgrade X:Y (X not below Y)'
  | 'downgrade heads:base'
  | 'downgrade heads:X'
  | 'downgrade Y:X (X below Y)'
  | 'downgrade X:-1'
  | 'stamp base:X'
  | 'stamp X:Y (X below Y)'
  | 'stamp X:Y (X not below Y)'
  | 'stamp X:base';

export interface Case {
  command: Command;
  /** Passed to both tools as written. */
  range: string;
  shape: Shape;
  /** The start: `base`, `heads` or a revision id. The database is brought there with `upgrade base:<from>`. */
  from: string;
  /** The revision the range ends at (`null` for base), as both tools resolve it. */
  target: string | null;
  /** True for `X:-1`. */
  relative: boolean;
}

/** Ancestry questions about a generated graph. "All" edges are parents and dependencies. */
export class GraphFacts {
  readonly byId: ReadonlyMap<string, GraphRevision>;
  readonly heads: string[];
  private readonly ancestorsAll = new Map<string, Set<string>>();
  private readonly ancestorsParents = new Map<string, Set<string>>();

  constructor(readonly graph: Graph) {
    this.byId = new Map(graph.revisions.map((revision) => [revision.id, revision]));
    this.heads = graph.revisions.filter((revision) => this.children(revision.id).length === 0).map((revision) => revision.id);
    for (const revision of graph.revisions) {
      const all = new Set<string>();
      const parents = new Set<string>();
      for (const parent of revision.parents) {
        for (const id of [parent, ...this.ancestorsAll.get(parent)!]) all.add(id);
        for (const id of [parent, ...this.ancestorsParents.get(parent)!]) parents.add(id);
      }
      for (const dependency of revision.dependsOn) for (const id of [dependency, ...this.ancestorsAll.get(dependency)!]) all.add(id);
      this.ancestorsAll.set(revision.id, all);
      this.ancestorsParents.set(revision.id, parents);
    }
  }

  children(id: string): string[] {
    return this.graph.revisions.filter((revision) => revision.parents.includes(id)).map((revision) => revision.id);
  }

  /** Strict ancestors through parents and dependencies. */
  ancestors(id: string): ReadonlySet<string> {
    return this.ancestorsAll.get(id)!;
  }

  /** Strict ancestors through parents only. */
  parentAncestors(id: string): ReadonlySet<string> {
    return this.ancestorsParents.get(id)!;
  }

  /** `ids` and all their ancestors (through parents and dependencies). */
  closure(ids: readonly string[]): Set<string> {
    return new Set(ids.flatMap((id) => [id, ...this.ancestors(id)]));
  }

  /** `ids` and every revision above them through children or dependents. */
  above(ids: readonly string[]): Set<string> {
    return new Set(this.graph.revisions.map((revision) => revision.id).filter((id) => ids.some((start) => start === id || this.ancestors(id).has(start))));
  }

  /** Whether `a` is strictly below `b`. */
  below(a: string, b: string): boolean {
    return this.ancestors(b).has(a);
  }
}

/**
 * About twenty ranges per graph, chosen with the graph's own seed: every shape in {@link Shape}
 * that the graph allows. `upgrade base:X` is added for every revision a range starts or ends at,
 * since each start is reached with it and each downgrade is checked against it.
 */
export function chooseCases(facts: GraphFacts, seed: number): Case[] {
  const random = prng(seed ^ 0x5eed);
  const ids = facts.graph.revisions.map((revision) => revision.id);
  const cases: Case[] = [
    { command: 'upgrade', range: 'base:heads', shape: 'upgrade base:heads', from: 'base', target: null, relative: false },
    { command: 'downgrade', range: 'heads:base', shape: 'downgrade heads:base', from: 'heads', target: null, relative: false },
  ];
  const add = (command: Command, shape: Shape, from: string, to: string, relative = false) => {
    const target = relative ? (facts.byId.get(from)!.parents[0] ?? null) : to === 'base' ? null : to;
    cases.push({ command, range: relative ? `${from}:-1` : `${from}:${to}`, shape, from, target, relative });
  };
  const pairs = ids.flatMap((y) => [...facts.ancestors(y)].map((x) => [x, y] as const));
  const unrelated = ids.flatMap((x) => ids.filter((y) => x < y && !facts.below(x, y) && !facts.below(y, x)).map((y) => [x, y] as const));
  const siblings = unrelated.filter(([x, y]) => facts.byId.get(x)!.parents.some((parent) => facts.byId.get(y)!.parents.includes(parent)));

  for (const x of pickSome(random, ids, 2)) add('downgrade', 'downgrade heads:X', 'heads', x);
  const withDependencies = ids.filter((id) => facts.byId.get(id)!.dependsOn.length > 0 && facts.byId.get(id)!.parents.length < 2);
  const singleParent = ids.filter((id) => facts.byId.get(id)!.parents.length === 1);
  for (const x of new Set([...pickSome(random, withDependencies, 1), ...pickSome(random, singleParent, 1)])) add('downgrade', 'downgrade X:-1', x, '-1', true);
  if (pairs.length > 0) {
    const [x, y] = pick(random, pairs);
    add('upgrade', 'upgrade X:Y (X below Y)', x, y);
    const [dx, dy] = pick(random, pairs);
    add('downgrade', 'downgrade Y:X (X below Y)', dy, dx);
    const [sx, sy] = pick(random, pairs);
    add('stamp', 'stamp X:Y (X below Y)', sx, sy);
  }
  const apart = siblings.length > 0 ? siblings : unrelated;
  if (apart.length > 0) {
    const [x, y] = pickSome(random, pick(random, apart), 2) as [string, string];
    add('upgrade', 'upgrade X:Y (X not below Y)', x, y);
    const [sx, sy] = pick(random, apart);
    add('stamp', 'stamp X:Y (X not below Y)', sx, sy);
  }
  add('stamp', 'stamp base:X', 'base', pick(random, ids));
  add('stamp', 'stamp X:base', pick(random, ids), 'base');

  const needed = new Set([...pickSome(random, ids, 2), ...cases.flatMap((c) => [c.from, c.target ?? 'base'])]);
  const upgrades = [...needed].filter((id) => id !== 'base' && id !== 'heads').sort();
  return [
    cases[0]!,
    ...upgrades.map((id): Case => ({ command: 'upgrade', range: `base:${id}`, shape: 'upgrade base:X', from: 'base', target: id, relative: false })),
    ...cases.slice(1),
  ];
}
