import { GraphError, ResolutionError, type GraphErrorCode } from '../errors.js';
import { RevisionNames, describe } from './revision-names.js';
import { SpecifierResolver, parseRange } from './specifier.js';
import type { RevisionNode } from './types.js';

/** A revision with its edges resolved to other vertices, each list sorted by id. */
interface Vertex<T extends RevisionNode> {
  readonly node: T;
  readonly parents: Vertex<T>[];
  readonly dependsOn: Vertex<T>[];
  readonly children: Vertex<T>[];
}

const EDGE_KINDS = ['parents', 'dependsOn'] as const;
type EdgeKind = (typeof EDGE_KINDS)[number];
const MISSING_CODE = { parents: 'MISSING_PARENT', dependsOn: 'MISSING_DEPENDENCY' } as const satisfies Record<EdgeKind, GraphErrorCode>;

/**
 * The revision graph: which revisions exist, how they connect, and which ones to run between
 * two points. Pure: it knows nothing of files or databases.
 *
 * "Ancestors" follow both `parents` and `dependsOn`, so a dependency is always applied before
 * the revision that depends on it, as with Alembic's `depends_on`.
 *
 * Every list comes out in one deterministic topological order, independent of input order: a
 * depth-first post-order walk starting from each head in id order, which visits a revision's
 * parents (in id order) and then its dependencies (in id order) before the revision itself.
 * Each branch therefore stays contiguous. The walk is iterative, so long chains cannot
 * overflow the stack.
 *
 * @example
 * const graph = RevisionGraph.build(revisions);
 * graph.upgradeRange('base', 'heads'); // every revision, in apply order
 * graph.resolveOne('shop@head');       // the head of the `shop` branch
 */
export class RevisionGraph<T extends RevisionNode = RevisionNode> {
  private readonly resolver: SpecifierResolver<T>;
  private readonly headVertices: readonly Vertex<T>[];
  private readonly baseVertices: readonly Vertex<T>[];

  private constructor(
    private readonly vertices: ReadonlyMap<string, Vertex<T>>,
    private readonly order: readonly Vertex<T>[],
    private readonly names: RevisionNames<T>,
  ) {
    this.headVertices = order.filter((vertex) => vertex.children.length === 0);
    this.baseVertices = order.filter((vertex) => vertex.parents.length === 0);
    this.resolver = new SpecifierResolver(this, names);
  }

  /**
   * Validates and indexes revisions. Throws {@link GraphError} (DUPLICATE_ID, BAD_LABEL,
   * DUPLICATE_LABEL, SELF_REFERENCE, MISSING_PARENT, MISSING_DEPENDENCY, CYCLE) naming the file.
   * `parents` and `dependsOn` must hold full ids.
   */
  static build<T extends RevisionNode>(nodes: readonly T[]): RevisionGraph<T> {
    const vertices = createVertices([...nodes].sort(byIdThenFile));
    const names = RevisionNames.build([...vertices.values()].map((vertex) => vertex.node));
    linkEdges(vertices, names);
    return new RevisionGraph(vertices, topologicalOrder(vertices), names);
  }

  get size(): number {
    return this.order.length;
  }

  /** Whether a revision has exactly this id. */
  has(id: string): boolean {
    return this.vertices.has(id);
  }

  /** The revision with exactly this id; ResolutionError UNKNOWN_REVISION otherwise. */
  get(id: string): T {
    return this.vertex(id).node;
  }

  /** Every revision, in topological (apply) order. */
  all(): T[] {
    return nodesOf(this.order);
  }

  /** Revisions without parents, in topological order. */
  bases(): T[] {
    return nodesOf(this.baseVertices);
  }

  /** Revisions without children, in topological order. A dependency alone does not make a child. */
  heads(): T[] {
    return nodesOf(this.headVertices);
  }

  /** Revisions with more than one child, in topological order. */
  branchPoints(): T[] {
    return nodesOf(this.order.filter((vertex) => vertex.children.length > 1));
  }

  /** Revisions with more than one parent, in topological order. */
  mergePoints(): T[] {
    return nodesOf(this.order.filter((vertex) => vertex.parents.length > 1));
  }

  /** Revisions that list `id` in their `parents`, sorted by id. */
  children(id: string): T[] {
    return nodesOf(this.vertex(id).children);
  }

  /** The revisions `id` lists in its `parents`, sorted by id. */
  parents(id: string): T[] {
    return nodesOf(this.vertex(id).parents);
  }

  isHead(id: string): boolean {
    return this.vertex(id).children.length === 0;
  }

  isBase(id: string): boolean {
    return this.vertex(id).parents.length === 0;
  }

  isBranchPoint(id: string): boolean {
    return this.vertex(id).children.length > 1;
  }

  isMergePoint(id: string): boolean {
    return this.vertex(id).parents.length > 1;
  }

  /** The heads that descend (through children) from `id`, or `id` itself; topological order. */
  headsAbove(id: string): T[] {
    const above = reachable([this.vertex(id)], (vertex) => vertex.children);
    return nodesOf(this.headVertices.filter((head) => above.has(head)));
  }

  /** What `id` needs applied right before it: its parents and its dependencies, sorted by id. */
  prerequisites(id: string): T[] {
    const vertex = this.vertex(id);
    return nodesOf([...new Set(prerequisites(vertex))].sort((a, b) => compare(a.node.id, b.node.id)));
  }

  /** Whether `id` is `prerequisite` or needs it applied first, through parents and dependencies. */
  requires(id: string, prerequisite: string): boolean {
    return this.ancestry([this.vertex(id).node]).has(this.vertex(prerequisite));
  }

  /** The bases `id` descends from (through parents), or `id` itself; topological order. */
  basesBelow(id: string): T[] {
    const below = reachable([this.vertex(id)], (vertex) => vertex.parents);
    return nodesOf(this.baseVertices.filter((base) => below.has(base)));
  }

  /**
   * The revisions a specifier names; `[]` for `base`. See {@link SpecifierResolver} for the forms.
   * @example graph.resolve('heads'); graph.resolve('3f2a+1'); graph.resolve('shop@head')
   */
  resolve(spec: string): T[] {
    return this.resolver.resolve(spec);
  }

  /** The one revision a specifier names; `null` means `base` (before any revision). */
  resolveOne(spec: string): T | null {
    return this.resolver.resolveOne(spec);
  }

  /**
   * Revisions to apply to go from `from` to `to`, in apply order: ancestors(to) ∪ to, minus
   * ancestors(from) ∪ from. Both are specifiers. As in Alembic, `from` need not be below `to`
   * (`left:right` across two branches applies `right`'s branch); only a `to` wholly below `from`
   * is refused, since that is a downgrade.
   * @example graph.upgradeRange('base', 'heads')
   */
  upgradeRange(from: string, to: string): T[] {
    const start = this.resolve(from);
    const below = this.ancestry(start);
    const wanted = this.ancestry(this.resolve(to));
    const range = nodesOf(this.order.filter((vertex) => wanted.has(vertex) && !below.has(vertex)));
    const stray = start.find((node) => !wanted.has(this.vertex(node.id)));
    if (range.length === 0 && stray) throw badRange(stray, from, to, 'upgrade');
    return range;
  }

  /**
   * Revisions to undo to go from `from` down to `to`, in undo order (reverse topological):
   * ancestors(from) ∪ from, minus ancestors(to) ∪ to. `to` must be below `from` (or `base`).
   * @example graph.downgradeRange('head', 'head-1')
   */
  downgradeRange(from: string, to: string): T[] {
    return this.span(to, from, 'downgrade').reverse();
  }

  /**
   * Splits `from:to`. Either side may be omitted (`:b` is `base:b`, `a:` is `a:heads`); a bare
   * `X` is `base:X`. A relative right-hand side counts from the left: `a:+2` is `a:a+2`, and
   * `head:-1` is `head:head-1`.
   */
  static parseRange(range: string): { from: string; to: string } {
    return parseRange(range);
  }

  private vertex(id: string): Vertex<T> {
    const vertex = this.vertices.get(id);
    if (!vertex) throw this.names.unknown(id);
    return vertex;
  }

  /** Revisions in `upper`'s ancestry but not in `lower`'s, in topological order; `lower` must be below `upper`. */
  private span(lower: string, upper: string, direction: Direction): T[] {
    const lowerNodes = this.resolve(lower);
    const reached = this.ancestry(this.resolve(upper));
    const stray = lowerNodes.find((node) => !reached.has(this.vertex(node.id)));
    if (stray) throw badRange(stray, lower, upper, direction);
    const below = this.ancestry(lowerNodes);
    return nodesOf(this.order.filter((vertex) => reached.has(vertex) && !below.has(vertex)));
  }

  /** The revisions and all their ancestors, through parents and dependencies. */
  private ancestry(nodes: readonly T[]): Set<Vertex<T>> {
    return reachable(nodes.map((node) => this.vertex(node.id)), prerequisites);
  }
}

function nodesOf<T extends RevisionNode>(vertices: readonly Vertex<T>[]): T[] {
  return vertices.map((vertex) => vertex.node);
}

/** What must be applied before a vertex, in the order the topological walk visits it. */
function prerequisites<T extends RevisionNode>(vertex: Vertex<T>): Vertex<T>[] {
  return [...vertex.parents, ...vertex.dependsOn];
}

/** The starts and every vertex reachable from them through `next`. */
function reachable<T extends RevisionNode>(starts: Vertex<T>[], next: (vertex: Vertex<T>) => readonly Vertex<T>[]): Set<Vertex<T>> {
  const seen = new Set(starts);
  const pending = [...starts];
  for (let vertex = pending.pop(); vertex; vertex = pending.pop()) {
    for (const neighbour of next(vertex)) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        pending.push(neighbour);
      }
    }
  }
  return seen;
}

function byIdThenFile(a: RevisionNode, b: RevisionNode): number {
  return compare(a.id, b.id) || compare(a.file, b.file);
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function createVertices<T extends RevisionNode>(sorted: readonly T[]): Map<string, Vertex<T>> {
  const vertices = new Map<string, Vertex<T>>();
  for (const node of sorted) {
    const existing = vertices.get(node.id);
    if (existing) throw duplicateId(existing.node, node);
    vertices.set(node.id, { node, parents: [], dependsOn: [], children: [] });
  }
  return vertices;
}

function linkEdges<T extends RevisionNode>(vertices: ReadonlyMap<string, Vertex<T>>, names: RevisionNames<T>): void {
  for (const vertex of vertices.values()) {
    for (const kind of EDGE_KINDS) {
      // A repeated entry is one edge: it must not make a false merge or branch point.
      const targets = [...new Set(vertex.node[kind])].map((id) => edgeTarget(vertex.node, kind, id, vertices, names));
      vertex[kind].push(...[...new Set(targets)].sort((a, b) => compare(a.node.id, b.node.id)));
    }
    for (const parent of vertex.parents) parent.children.push(vertex);
  }
}

function edgeTarget<T extends RevisionNode>(
  node: T,
  kind: EdgeKind,
  id: string,
  vertices: ReadonlyMap<string, Vertex<T>>,
  names: RevisionNames<T>,
): Vertex<T> {
  // A dependency may name a branch label: the revision that declares it, as in Alembic.
  const target = vertices.get(id) ?? (kind === 'dependsOn' ? labelled(names.exact(id), vertices) : undefined);
  if (target?.node.id === node.id) throw selfReference(node, kind);
  if (!target) throw missingTarget(node, kind, id, names.suggest(id));
  return target;
}

function labelled<T extends RevisionNode>(node: T | undefined, vertices: ReadonlyMap<string, Vertex<T>>): Vertex<T> | undefined {
  return node && vertices.get(node.id);
}

/** Depth-first post-order from the heads (see {@link RevisionGraph}); throws CYCLE. */
function topologicalOrder<T extends RevisionNode>(vertices: ReadonlyMap<string, Vertex<T>>): Vertex<T>[] {
  const order: Vertex<T>[] = [];
  const done = new Set<Vertex<T>>();
  const heads = [...vertices.values()].filter((vertex) => vertex.children.length === 0);
  // A vertex no walk from a head reaches lies on or below a cycle; walking from it finds the cycle.
  for (const start of [...heads, ...vertices.values()]) {
    if (!done.has(start)) appendPostOrder(start, order, done);
  }
  return order;
}

function appendPostOrder<T extends RevisionNode>(start: Vertex<T>, order: Vertex<T>[], done: Set<Vertex<T>>): void {
  const path = [{ vertex: start, pending: prerequisites(start), next: 0 }];
  const onPath = new Set([start]);
  for (let frame = path.at(-1); frame; frame = path.at(-1)) {
    const prerequisite = frame.pending[frame.next++];
    if (!prerequisite) {
      path.pop();
      onPath.delete(frame.vertex);
      done.add(frame.vertex);
      order.push(frame.vertex);
    } else if (onPath.has(prerequisite)) {
      const walked = path.map((step) => step.vertex);
      throw cycle(walked.slice(walked.indexOf(prerequisite)));
    } else if (!done.has(prerequisite)) {
      path.push({ vertex: prerequisite, pending: prerequisites(prerequisite), next: 0 });
      onPath.add(prerequisite);
    }
  }
}

function duplicateId(first: RevisionNode, second: RevisionNode): GraphError {
  return new GraphError(
    'DUPLICATE_ID',
    `Revision id ${first.id} is defined twice: in ${first.file} and in ${second.file}.`,
    `Ids must be unique: give ${second.file} a new id (and update revisions that name it), or delete the duplicate.`,
    [first.id],
    { file: second.file },
  );
}

function selfReference(node: RevisionNode, kind: EdgeKind): GraphError {
  return new GraphError(
    'SELF_REFERENCE',
    `Revision ${node.id} (${node.file}) lists itself in \`${kind}\`.`,
    `Remove ${node.id} from \`${kind}\` in ${node.file}: a revision cannot come before itself.`,
    [node.id],
    { file: node.file },
  );
}

function missingTarget(node: RevisionNode, kind: EdgeKind, missing: string, meant: RevisionNode | undefined): GraphError {
  const role = kind === 'parents' ? 'parent' : 'dependency';
  const accepted = kind === 'parents' ? 'full ids' : 'full ids or branch labels';
  const guess = meant ? ` Did you mean ${describe(meant)}? \`${kind}\` needs ${accepted}.` : '';
  return new GraphError(
    MISSING_CODE[kind],
    `Revision ${node.id} (${node.file}) names ${role} ${missing}, which is not a revision in this project.`,
    `Fix the \`${kind}\` list in ${node.file}, or restore the missing revision file for ${missing}.${guess}`,
    [node.id, missing],
    { file: node.file },
  );
}

/** `looped`: each vertex lists the next as a parent or dependency, and the last lists the first. */
function cycle(looped: readonly Vertex<RevisionNode>[]): GraphError {
  const nodes = looped.map((vertex) => vertex.node);
  const ids = nodes.map((node) => node.id);
  return new GraphError(
    'CYCLE',
    `Revisions form a cycle (each lists the next in \`parents\` or \`dependsOn\`): ${[...ids, ids[0]].join(' -> ')}; files: ${nodes.map((node) => node.file).join(', ')}.`,
    'Break the cycle: remove one of these links from `parents` or `dependsOn`; a revision cannot come after its own descendants.',
    ids,
    { file: nodes[0]?.file },
  );
}

type Direction = 'upgrade' | 'downgrade';
const OTHER_WAY = {
  upgrade: 'for a downgrade use `sqlgen downgrade`',
  downgrade: 'for an upgrade use `sqlgen upgrade`',
} as const satisfies Record<Direction, string>;

function badRange(stray: RevisionNode, lower: string, upper: string, direction: Direction): ResolutionError {
  const [from, to] = direction === 'upgrade' ? [lower, upper] : [upper, lower];
  return new ResolutionError(
    'BAD_RANGE',
    `${from}:${to}`,
    `Cannot ${direction} from ${from} to ${to}: ${stray.id} is not below ${upper}.`,
    `${stray.id} is not ${upper} or one of its ancestors; ${OTHER_WAY[direction]}, and see \`sqlgen history\` for the order.`,
    [stray.id],
  );
}
