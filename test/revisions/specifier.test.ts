import { describe, expect, it } from 'vitest';
import { ResolutionError } from '../../src/errors.js';
import { RevisionGraph } from '../../src/revisions/graph.js';
import type { RevisionNode } from '../../src/revisions/types.js';
import { failure, graphOf, ids, rev } from './revision-fixtures.js';

/**
 * init (core) - users, which branches into
 *   cart (shop) - orders
 *   login (auth) - tokens
 */
const branchedNodes: RevisionNode[] = [
  rev('1a2b3c4d', [], { branchLabels: ['core'], message: 'init' }),
  rev('1a2b9999', ['1a2b3c4d'], { message: 'users' }),
  rev('5e6f0001', ['1a2b9999'], { branchLabels: ['shop'], message: 'cart' }),
  rev('5e6faaaa', ['5e6f0001'], { message: 'orders' }),
  rev('7a8b0001', ['1a2b9999'], { branchLabels: ['auth'], message: 'login' }),
  rev('7a8bbbbb', ['7a8b0001'], { message: 'tokens' }),
];
const branched = (): RevisionGraph => RevisionGraph.build(branchedNodes);
/** The same, with both branches merged in `merged`. */
const merged = (): RevisionGraph => RevisionGraph.build([...branchedNodes, rev('merged', ['5e6faaaa', '7a8bbbbb'])]);
/** Two independent roots p and q, merged in m. */
const twoBases = (): RevisionGraph => graphOf(rev('pppp'), rev('qqqq'), rev('mmmm', ['pppp', 'qqqq'], { branchLabels: ['joined'] }));

const resolveIds = (graph: RevisionGraph, spec: string): (string | null)[] => ids(graph.resolve(spec));
const resolveOneId = (graph: RevisionGraph, spec: string): string | null => graph.resolveOne(spec)?.id ?? null;

describe('resolving names', () => {
  it.each([
    ['5e6f0001', '5e6f0001'],
    ['1a2b3', '1a2b3c4d'],
    ['5e6fa', '5e6faaaa'],
    ['shop', '5e6f0001'],
    ['auth', '7a8b0001'],
  ])('resolves %s', (spec, expected) => {
    expect(resolveIds(branched(), spec)).toEqual([expected]);
    expect(resolveOneId(branched(), spec)).toBe(expected);
  });

  it('lists the candidates of an ambiguous prefix', () => {
    const error = failure(() => branched().resolve('1a2b'), ResolutionError, 'AMBIGUOUS_REVISION');
    expect(error.candidates).toEqual(['1a2b3c4d', '1a2b9999']);
    expect(error.message).toContain('1a2b3c4d (init)');
    expect(error.message).toContain('1a2b9999 (users)');
    expect(error.specifier).toBe('1a2b');
  });

  it('refuses a prefix shorter than 4 characters', () => {
    const error = failure(() => branched().resolve('7a8'), ResolutionError, 'BAD_SPECIFIER');
    expect(error.hint).toContain('at least 4 characters');
    expect(error.candidates).toEqual(['7a8b0001', '7a8bbbbb']);
  });

  it('reports an unknown name, pointing to history', () => {
    const error = failure(() => branched().resolve('ffff0000'), ResolutionError, 'UNKNOWN_REVISION');
    expect(error.hint).toContain('sqlgen history');
    expect(error.hint).not.toContain('Did you mean');
  });

  it('suggests a close name', () => {
    const error = failure(() => branched().resolve('shopp'), ResolutionError, 'UNKNOWN_REVISION');
    expect(error.hint).toContain('Did you mean 5e6f0001 (cart)');
    expect(error.candidates).toEqual(['5e6f0001']);
  });

  it('prefers an exact label over a relative reading', () => {
    const graph = graphOf(rev('aaaa'), rev('bbbb', ['aaaa'], { branchLabels: ['release-1'] }), rev('cccc', ['bbbb']));
    expect(resolveOneId(graph, 'release-1')).toBe('bbbb');
    expect(resolveOneId(graph, 'release-1+1')).toBe('cccc');
  });
});

describe('resolving base and heads', () => {
  it('resolves base to before the first revision', () => {
    expect(branched().resolve('base')).toEqual([]);
    expect(branched().resolveOne('base')).toBeNull();
  });

  it('resolves heads to every head', () => {
    expect(resolveIds(branched(), 'heads')).toEqual(['5e6faaaa', '7a8bbbbb']);
    expect(resolveOneId(merged(), 'heads')).toBe('merged');
  });

  it('resolves head to the single head', () => {
    expect(resolveOneId(merged(), 'head')).toBe('merged');
    expect(graphOf().resolveOne('head')).toBeNull();
  });

  it('reports several heads for head, with a hint to pick or merge', () => {
    const error = failure(() => branched().resolve('head'), ResolutionError, 'MULTIPLE_HEADS');
    expect(error.candidates).toEqual(['5e6faaaa', '7a8bbbbb']);
    expect(error.message).toContain('5e6faaaa (orders)');
    expect(error.hint).toContain('`<label>@head`');
    expect(error.hint).toContain('sqlgen merge');
    failure(() => branched().resolveOne('heads'), ResolutionError, 'MULTIPLE_HEADS');
  });
});

describe('resolving branch symbols', () => {
  it.each([
    ['shop@head', '5e6faaaa'],
    ['auth@head', '7a8bbbbb'],
    ['5e6f0001@head', '5e6faaaa'],
    ['7a8b0@head', '7a8bbbbb'],
    ['shop@base', '1a2b3c4d'],
    ['7a8bbbbb@base', '1a2b3c4d'],
  ])('resolves %s', (spec, expected) => {
    expect(resolveOneId(branched(), spec)).toBe(expected);
  });

  it('lists every head above a label for @heads', () => {
    expect(resolveIds(branched(), 'core@heads')).toEqual(['5e6faaaa', '7a8bbbbb']);
  });

  it('reports several heads above a label', () => {
    const error = failure(() => branched().resolve('core@head'), ResolutionError, 'MULTIPLE_HEADS');
    expect(error.candidates).toEqual(['5e6faaaa', '7a8bbbbb']);
  });

  it('reports several bases below a label', () => {
    const error = failure(() => twoBases().resolve('joined@base'), ResolutionError, 'MULTIPLE_BASES');
    expect(error.candidates).toEqual(['pppp', 'qqqq']);
  });

  it('rejects other symbols after @, and unknown anchors', () => {
    failure(() => branched().resolve('shop@tail'), ResolutionError, 'BAD_SPECIFIER');
    failure(() => branched().resolve('nope@head'), ResolutionError, 'UNKNOWN_REVISION');
  });
});

describe('resolving relative steps', () => {
  it.each([
    ['1a2b3c4d+1', '1a2b9999'],
    ['shop+1', '5e6faaaa'],
    ['5e6faaaa-3', '1a2b3c4d'],
    ['shop+0', '5e6f0001'],
    ['base+1', '1a2b3c4d'],
    ['base+2', '1a2b9999'],
    ['shop@head-1', '5e6f0001'],
    ['shop+1-1', '5e6f0001'],
    ['auth-1', '1a2b9999'],
  ])('resolves %s', (spec, expected) => {
    expect(resolveOneId(branched(), spec)).toBe(expected);
  });

  it('steps from head when there is one', () => {
    expect(resolveOneId(graphOf(rev('aaaa'), rev('bbbb', ['aaaa'])), 'head-1')).toBe('aaaa');
    failure(() => branched().resolve('head-1'), ResolutionError, 'MULTIPLE_HEADS');
  });

  it('lands on base one step below the first revision', () => {
    expect(branched().resolve('shop-3')).toEqual([]);
    expect(branched().resolveOne('1a2b3c4d-1')).toBeNull();
  });

  it('reports a step up past the head, with the steps available', () => {
    const error = failure(() => branched().resolve('shop+3'), ResolutionError, 'STEP_OUT_OF_RANGE');
    expect(error.message).toContain('only 1 step(s)');
    expect(error.message).toContain('5e6faaaa is a head');
  });

  it('reports a step down past base, with the steps available', () => {
    const error = failure(() => branched().resolve('shop-4'), ResolutionError, 'STEP_OUT_OF_RANGE');
    expect(error.message).toContain('only 3 step(s)');
    failure(() => branched().resolve('base-1'), ResolutionError, 'STEP_OUT_OF_RANGE');
    failure(() => graphOf().resolve('base+1'), ResolutionError, 'STEP_OUT_OF_RANGE');
  });

  it('reports a step up from a branch point, naming the branches', () => {
    const error = failure(() => branched().resolve('core+2'), ResolutionError, 'AMBIGUOUS_STEP');
    expect(error.candidates).toEqual(['5e6f0001', '7a8b0001']);
    expect(error.hint).toContain('branch');
  });

  it('reports a step down from a merge point, naming the parents', () => {
    const error = failure(() => merged().resolve('merged-1'), ResolutionError, 'AMBIGUOUS_STEP');
    expect(error.candidates).toEqual(['5e6faaaa', '7a8bbbbb']);
  });

  it('reports base+N with several bases', () => {
    const error = failure(() => twoBases().resolve('base+1'), ResolutionError, 'MULTIPLE_BASES');
    expect(error.candidates).toEqual(['pppp', 'qqqq']);
  });

  it.each(['heads-1', 'heads+1', 'core@heads-1'])('refuses to step from %s', (spec) => {
    failure(() => branched().resolve(spec), ResolutionError, 'BAD_SPECIFIER');
  });

  it.each(['+1', '-2'])('explains that %s has no current revision offline', (spec) => {
    const error = failure(() => branched().resolve(spec), ResolutionError, 'BAD_SPECIFIER');
    expect(error.hint).toBe('Offline there is no current database revision; write REV+N or FROM:+N.');
  });

  it.each(['', 'shop:auth'])('refuses %j where one revision is expected', (spec) => {
    failure(() => branched().resolve(spec), ResolutionError, 'BAD_SPECIFIER');
  });
});

describe('RevisionGraph.parseRange', () => {
  it.each([
    ['a:b', 'a', 'b'],
    [':b', 'base', 'b'],
    ['a:', 'a', 'heads'],
    [':', 'base', 'heads'],
    ['x', 'base', 'x'],
    ['a:+2', 'a', 'a+2'],
    [':+1', 'base', 'base+1'],
    ['head:-1', 'head', 'head-1'],
    ['shop@head:heads', 'shop@head', 'heads'],
    ['+2', 'base', '+2'],
  ])('parses %j', (range, from, to) => {
    expect(RevisionGraph.parseRange(range)).toEqual({ from, to });
  });

  it('rejects more than one colon', () => {
    failure(() => RevisionGraph.parseRange('a:b:c'), ResolutionError, 'BAD_SPECIFIER');
  });

  it('feeds upgrade and downgrade ranges', () => {
    const graph = branched();
    const upgrade = RevisionGraph.parseRange('1a2b3c4d:+1');
    expect(ids(graph.upgradeRange(upgrade.from, upgrade.to))).toEqual(['1a2b9999']);
    const toBranchHead = RevisionGraph.parseRange('shop@head');
    expect(ids(graph.upgradeRange(toBranchHead.from, toBranchHead.to))).toEqual(['1a2b3c4d', '1a2b9999', '5e6f0001', '5e6faaaa']);
    const downgrade = RevisionGraph.parseRange('shop@head:-2');
    expect(ids(graph.downgradeRange(downgrade.from, downgrade.to))).toEqual(['5e6faaaa', '5e6f0001']);
  });
});
