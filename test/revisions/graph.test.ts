import { describe, expect, it } from 'vitest';
import { GraphError, ResolutionError } from '../../src/errors.js';
import { RevisionGraph } from '../../src/revisions/graph.js';
import type { RevisionNode } from '../../src/revisions/types.js';
import { failure, graphOf, ids, rev } from './revision-fixtures.js';

/** Every revision comes after its parents and dependencies in all(). */
function expectTopological(graph: RevisionGraph): void {
  const position = new Map(graph.all().map((node, index) => [node.id, index]));
  for (const node of graph.all()) {
    for (const before of [...node.parents, ...node.dependsOn]) {
      expect(position.get(before)).toBeLessThan(position.get(node.id) ?? -1);
    }
  }
}

const linear = (): RevisionGraph => graphOf(rev('c', ['b']), rev('a'), rev('b', ['a']));

/** a branches into b1 and b2, which merge again in m, below top. */
const diamond = (): RevisionGraph =>
  graphOf(rev('a'), rev('b1', ['a']), rev('b2', ['a']), rev('m', ['b2', 'b1']), rev('top', ['m']));

/** a branches into x1-x2 and y1-y2, never merged. */
const forked = (): RevisionGraph =>
  graphOf(rev('y2', ['y1']), rev('x2', ['x1']), rev('y1', ['a']), rev('x1', ['a']), rev('a'));

/** a1-a2 and z1-z2; a2 depends on z1, which sorts after it. */
const crossDependency = (): RevisionGraph =>
  graphOf(rev('a1'), rev('a2', ['a1'], { dependsOn: ['z1'] }), rev('z1'), rev('z2', ['z1']));

describe('RevisionGraph structure', () => {
  it('orders a linear chain and answers queries on it', () => {
    const graph = linear();
    expect(graph.size).toBe(3);
    expect(ids(graph.all())).toEqual(['a', 'b', 'c']);
    expect(ids(graph.bases())).toEqual(['a']);
    expect(ids(graph.heads())).toEqual(['c']);
    expect(ids(graph.children('a'))).toEqual(['b']);
    expect(ids(graph.parents('c'))).toEqual(['b']);
    expect([graph.isBase('a'), graph.isHead('c'), graph.isHead('b')]).toEqual([true, true, false]);
    expect(graph.branchPoints()).toEqual([]);
    expect(graph.mergePoints()).toEqual([]);
    expect(graph.get('b').file).toBe('revisions/b_x.ts');
    expect([graph.has('b'), graph.has('bb')]).toEqual([true, false]);
  });

  it('reports an unknown exact id, with a hint to list revisions', () => {
    const error = failure(() => linear().get('d'), ResolutionError, 'UNKNOWN_REVISION');
    expect(error.hint).toContain('sqlgen history');
    failure(() => linear().children('zz'), ResolutionError, 'UNKNOWN_REVISION');
  });

  it('detects the branch and merge points of a diamond', () => {
    const graph = diamond();
    expect(ids(graph.all())).toEqual(['a', 'b1', 'b2', 'm', 'top']);
    expect(ids(graph.branchPoints())).toEqual(['a']);
    expect(ids(graph.mergePoints())).toEqual(['m']);
    expect(ids(graph.children('a'))).toEqual(['b1', 'b2']);
    expect(ids(graph.parents('m'))).toEqual(['b1', 'b2']);
    expect([graph.isBranchPoint('a'), graph.isMergePoint('m'), graph.isMergePoint('a')]).toEqual([true, true, false]);
    expect(ids(graph.heads())).toEqual(['top']);
  });

  it('keeps each branch contiguous', () => {
    expect(ids(forked().all())).toEqual(['a', 'x1', 'x2', 'y1', 'y2']);
  });

  it('finds several bases and heads, in topological order', () => {
    const graph = graphOf(rev('q2', ['q']), rev('p'), rev('q'), rev('p2', ['p']));
    expect(ids(graph.bases())).toEqual(['p', 'q']);
    expect(ids(graph.heads())).toEqual(['p2', 'q2']);
    expect(ids(graph.all())).toEqual(['p', 'p2', 'q', 'q2']);
  });

  it('handles a merge of three parents', () => {
    const graph = graphOf(rev('m', ['z', 'x', 'y']), rev('x', ['a']), rev('y', ['a']), rev('z', ['a']), rev('a'));
    expect(ids(graph.all())).toEqual(['a', 'x', 'y', 'z', 'm']);
    expect(ids(graph.parents('m'))).toEqual(['x', 'y', 'z']);
    expect(ids(graph.mergePoints())).toEqual(['m']);
    expect(ids(graph.branchPoints())).toEqual(['a']);
  });

  it('applies a dependency on another branch first, even when its id sorts later', () => {
    const graph = crossDependency();
    expect(ids(graph.all())).toEqual(['a1', 'z1', 'a2', 'z2']);
    expect(ids(graph.heads())).toEqual(['a2', 'z2']);
    expect(graph.children('z1').map((node) => node.id)).toEqual(['z2']);
  });

  it('keeps a depended-on head a head', () => {
    const graph = graphOf(rev('a'), rev('b', [], { dependsOn: ['a'] }));
    expect(ids(graph.heads())).toEqual(['a', 'b']);
    expect(ids(graph.bases())).toEqual(['a', 'b']);
  });

  it('counts a repeated parent once', () => {
    const graph = graphOf(rev('a'), rev('b', ['a', 'a']));
    expect(graph.mergePoints()).toEqual([]);
    expect(ids(graph.children('a'))).toEqual(['b']);
  });

  it('finds the heads above and the bases below a revision', () => {
    expect(ids(forked().headsAbove('a'))).toEqual(['x2', 'y2']);
    expect(ids(forked().headsAbove('y2'))).toEqual(['y2']);
    expect(ids(graphOf(rev('p'), rev('q'), rev('m', ['p', 'q'])).basesBelow('m'))).toEqual(['p', 'q']);
  });

  it('produces the same order whatever the input order', () => {
    const nodes: RevisionNode[] = [
      rev('root'),
      rev('k1', ['root'], { branchLabels: ['left'] }),
      rev('k2', ['k1'], { dependsOn: ['w1'] }),
      rev('w1', ['root']),
      rev('w2', ['w1']),
      rev('merge', ['k2', 'w2']),
      rev('other'),
      rev('other2', ['other'], { dependsOn: ['k1'] }),
    ];
    const expected = ids(RevisionGraph.build(nodes).all());
    const shuffles = [[...nodes].reverse(), [...nodes.slice(3), ...nodes.slice(0, 3)], shuffled(nodes, 7), shuffled(nodes, 42)];
    for (const order of shuffles) {
      const graph = RevisionGraph.build(order);
      expect(ids(graph.all())).toEqual(expected);
      expect(ids(graph.heads())).toEqual(['merge', 'other2']);
      expectTopological(graph);
    }
  });
});

describe('RevisionGraph.build validation', () => {
  it('rejects a duplicate id, naming both files', () => {
    const error = failure(
      () => graphOf(rev('a', [], { file: 'revisions/a_two.ts' }), rev('a', [], { file: 'revisions/a_one.ts' })),
      GraphError,
      'DUPLICATE_ID',
    );
    expect(error.message).toContain('revisions/a_one.ts');
    expect(error.message).toContain('revisions/a_two.ts');
    expect(error.location.file).toBe('revisions/a_two.ts');
    expect(error.revisions).toEqual(['a']);
  });

  it.each(['parents', 'dependsOn'] as const)('rejects a revision listing itself in %s', (kind) => {
    const node = { ...rev('a'), [kind]: ['a'] };
    const error = failure(() => graphOf(node), GraphError, 'SELF_REFERENCE');
    expect(error.message).toContain('revisions/a_x.ts');
    expect(error.message).toContain(kind);
    expect(error.location.file).toBe('revisions/a_x.ts');
  });

  it('rejects a missing parent, naming the file and the missing id', () => {
    const error = failure(() => graphOf(rev('a'), rev('b', ['gone'])), GraphError, 'MISSING_PARENT');
    expect(error.message).toContain('revisions/b_x.ts');
    expect(error.message).toContain('gone');
    expect(error.hint).toMatch(/`parents`.*restore the missing revision file/);
    expect(error.hint).not.toContain('Did you mean');
    expect(error.location.file).toBe('revisions/b_x.ts');
    expect(error.revisions).toEqual(['b', 'gone']);
  });

  it('suggests the full id when a parent is written as a unique prefix', () => {
    const error = failure(() => graphOf(rev('3f2a9c1b'), rev('b', ['3f2a'])), GraphError, 'MISSING_PARENT');
    expect(error.hint).toContain('Did you mean 3f2a9c1b');
  });

  it('does not take a prefix shorter than 4 characters as a suggestion', () => {
    const error = failure(() => graphOf(rev('3f2a9c1b'), rev('b', ['3f2'])), GraphError, 'MISSING_PARENT');
    expect(error.hint).not.toContain('Did you mean');
  });

  it('suggests the id behind a branch label written as a parent', () => {
    const error = failure(() => graphOf(rev('3f2a9c1b', [], { branchLabels: ['core'] }), rev('b', ['core'])), GraphError, 'MISSING_PARENT');
    expect(error.hint).toContain('Did you mean 3f2a9c1b');
  });

  it('takes a branch label in dependsOn as the revision that declares it, as Alembic does', () => {
    const graph = graphOf(rev('r1', [], { branchLabels: ['reporting'] }), rev('r2', ['r1']), rev('a1'), rev('a2', ['a1'], { dependsOn: ['reporting'] }));
    expect(ids(graph.prerequisites('a2'))).toEqual(['a1', 'r1']);
    expect(graph.requires('a2', 'r1')).toBe(true);
    expect(graph.requires('a2', 'r2')).toBe(false);
    expect(ids(graph.upgradeRange('base', 'a2'))).toEqual(['a1', 'r1', 'a2']);
  });

  it('rejects a revision that depends on its own label', () => {
    failure(() => graphOf(rev('a', [], { branchLabels: ['self'], dependsOn: ['self'] })), GraphError, 'SELF_REFERENCE');
  });

  it('rejects a missing dependency', () => {
    const error = failure(() => graphOf(rev('a'), rev('b', ['a'], { dependsOn: ['elsewhere'] })), GraphError, 'MISSING_DEPENDENCY');
    expect(error.message).toContain('revisions/b_x.ts');
    expect(error.message).toContain('elsewhere');
    expect(error.hint).toContain('`dependsOn`');
  });

  it('rejects a branch label used twice', () => {
    const error = failure(
      () => graphOf(rev('a', [], { branchLabels: ['shop'] }), rev('b', ['a'], { branchLabels: ['shop'] })),
      GraphError,
      'DUPLICATE_LABEL',
    );
    expect(error.message).toContain('revisions/a_x.ts');
    expect(error.message).toContain('revisions/b_x.ts');
    expect(error.revisions).toEqual(['a', 'b']);
    expect(error.location.file).toBe('revisions/b_x.ts');
  });

  it("rejects a branch label that is another revision's id", () => {
    const error = failure(() => graphOf(rev('a', [], { branchLabels: ['b'] }), rev('b', ['a'])), GraphError, 'DUPLICATE_LABEL');
    expect(error.message).toContain('the id of revision b');
  });

  it.each(['head', 'heads', 'base', 'a@b', 'x:y', 'two words', ''])('rejects the branch label %j', (label) => {
    const error = failure(() => graphOf(rev('a', [], { branchLabels: [label] })), GraphError, 'BAD_LABEL');
    expect(error.message).toContain('revisions/a_x.ts');
  });

  it('reports a cycle in order, with its files', () => {
    const error = failure(() => graphOf(rev('b', ['a']), rev('a', ['c']), rev('c', ['b'])), GraphError, 'CYCLE');
    expect(error.message).toContain('a -> c -> b -> a');
    expect(error.message).toContain('revisions/a_x.ts, revisions/c_x.ts, revisions/b_x.ts');
    expect(error.revisions).toEqual(['a', 'c', 'b']);
    expect(error.location.file).toBe('revisions/a_x.ts');
  });

  it('finds a cycle below a head', () => {
    const error = failure(
      () => graphOf(rev('r'), rev('a', ['r', 'c']), rev('b', ['a']), rev('c', ['b']), rev('h', ['b'])),
      GraphError,
      'CYCLE',
    );
    expect(error.message).toContain('b -> a -> c -> b');
  });

  it('finds a cycle through a dependency', () => {
    const error = failure(() => graphOf(rev('a'), rev('b', ['a'], { dependsOn: ['c'] }), rev('c', ['b'])), GraphError, 'CYCLE');
    expect(error.message).toContain('c -> b -> c');
    expect(error.location.file).toBe('revisions/c_x.ts');
  });
});

describe('RevisionGraph ranges', () => {
  it('upgrades and downgrades along a chain', () => {
    const graph = linear();
    expect(ids(graph.upgradeRange('base', 'heads'))).toEqual(['a', 'b', 'c']);
    expect(ids(graph.upgradeRange('a', 'c'))).toEqual(['b', 'c']);
    expect(graph.upgradeRange('b', 'b')).toEqual([]);
    expect(ids(graph.downgradeRange('c', 'base'))).toEqual(['c', 'b', 'a']);
    expect(ids(graph.downgradeRange('head', 'a'))).toEqual(['c', 'b']);
  });

  it('rejects an upgrade that goes down, pointing to downgrade', () => {
    const error = failure(() => linear().upgradeRange('c', 'a'), ResolutionError, 'BAD_RANGE');
    expect(error.message).toContain('c is not below a');
    expect(error.hint).toContain('sqlgen downgrade');
    expect(error.specifier).toBe('c:a');
  });

  it('rejects a downgrade that goes up, pointing to upgrade', () => {
    const error = failure(() => linear().downgradeRange('a', 'c'), ResolutionError, 'BAD_RANGE');
    expect(error.hint).toContain('sqlgen upgrade');
  });

  it('follows one branch, or all of them for heads', () => {
    const graph = forked();
    expect(ids(graph.upgradeRange('base', 'x2'))).toEqual(['a', 'x1', 'x2']);
    expect(ids(graph.upgradeRange('x2', 'heads'))).toEqual(['y1', 'y2']);
    expect(ids(graph.downgradeRange('heads', 'x1'))).toEqual(['y2', 'y1', 'x2']);
    expect(ids(graph.downgradeRange('y2', 'a'))).toEqual(['y2', 'y1']);
    failure(() => graph.downgradeRange('y2', 'x1'), ResolutionError, 'BAD_RANGE');
  });

  it('upgrades from one branch to another, as Alembic does: the other branch is applied beside it', () => {
    const graph = forked();
    expect(ids(graph.upgradeRange('x1', 'y2'))).toEqual(['y1', 'y2']);
    expect(ids(graph.upgradeRange('x2', 'y1'))).toEqual(['y1']);
  });

  it('crosses a diamond', () => {
    const graph = diamond();
    expect(ids(graph.upgradeRange('b1', 'top'))).toEqual(['b2', 'm', 'top']);
    expect(ids(graph.downgradeRange('top', 'b2'))).toEqual(['top', 'm', 'b1']);
  });

  it('brings in dependencies on upgrade and undoes dependents first', () => {
    const graph = crossDependency();
    expect(ids(graph.upgradeRange('a1', 'a2'))).toEqual(['z1', 'a2']);
    expect(ids(graph.downgradeRange('heads', 'base'))).toEqual(['z2', 'a2', 'z1', 'a1']);
    // The range is a set difference: z1 is not below a1, so going back to a1 undoes it too.
    expect(ids(graph.downgradeRange('a2', 'a1'))).toEqual(['a2', 'z1']);
  });

  it('reports a bad specifier in a range', () => {
    failure(() => linear().upgradeRange('base', 'nope'), ResolutionError, 'UNKNOWN_REVISION');
  });
});

describe('RevisionGraph at scale', () => {
  it('orders a 20,000-revision chain without recursion', () => {
    const count = 20_000;
    const name = (index: number): string => `r${String(index).padStart(6, '0')}`;
    const chain = Array.from({ length: count }, (_, index) => rev(name(index), index === 0 ? [] : [name(index - 1)]));
    const graph = RevisionGraph.build(chain.reverse());
    expect(graph.all()).toHaveLength(count);
    expect(graph.all()[0]?.id).toBe(name(0));
    expect(graph.upgradeRange('base', 'heads')).toHaveLength(count);
    expect(graph.upgradeRange(name(0), 'head')).toHaveLength(count - 1);
    expect(graph.downgradeRange('head', `${name(0)}+100`)).toHaveLength(count - 101);
  });

  it('reports a 20,000-revision cycle without recursion', () => {
    const count = 20_000;
    const ring = Array.from({ length: count }, (_, index) => rev(`r${index}`, [`r${(index + 1) % count}`]));
    failure(() => RevisionGraph.build(ring), GraphError, 'CYCLE');
  });

  it('orders a 5,000-revision graph with many branches and merges', () => {
    // Node i hangs below i/2 (a binary tree); every 10th node also merges in its predecessor.
    const nodes = Array.from({ length: 5_000 }, (_, index) => {
      if (index === 0) return rev('n0');
      const parents = new Set([`n${Math.floor(index / 2)}`, ...(index % 10 === 0 ? [`n${index - 1}`] : [])]);
      return rev(`n${index}`, [...parents]);
    });
    const graph = RevisionGraph.build(nodes);
    expect(graph.size).toBe(5_000);
    expect(graph.heads().length).toBeGreaterThan(2_000);
    expectTopological(graph);
  });
});

/** A seeded Fisher-Yates shuffle, so the test is the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}
