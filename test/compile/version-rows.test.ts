import { describe, expect, it } from 'vitest';
import { VersionRows } from '../../src/compile/version-rows.js';
import { RevisionGraph } from '../../src/revisions/graph.js';
import type { RevisionNode } from '../../src/revisions/types.js';

const rev = (id: string, parents: string[] = [], dependsOn: string[] = []): RevisionNode => ({ id, parents, dependsOn, branchLabels: [], message: id, file: `revisions/${id}_x.ts` });

// base -> a -> (b1, b2) -> merge
const graph = RevisionGraph.build([rev('r000'), rev('aaaa', ['r000']), rev('bbb1', ['aaaa']), rev('bbb2', ['aaaa']), rev('mmmm', ['bbb1', 'bbb2'])]);
const node = (id: string, of = graph) => of.get(id);

/** Alembic's "Branch Dependencies": yyyy (base), xxxx (base, depends on yyyy), zzzz (child of yyyy). */
const dependent = RevisionGraph.build([rev('yyyy'), rev('xxxx', [], ['yyyy']), rev('zzzz', ['yyyy'])]);

/** Applies the upgrades of `ids` in order from `start` and returns the rows left. */
function rowsAfterUpgrades(of: RevisionGraph, start: string[], ids: string[]): string[] {
  const rows = new VersionRows(of, start);
  for (const id of ids) rows.upgrade(of.get(id));
  return rows.current();
}

describe('VersionRows (the version table, as Alembic keeps it)', () => {
  it('inserts for a base, updates along a chain, inserts for a second branch, merges by delete + update', () => {
    const rows = new VersionRows(graph, []);
    expect(rows.upgrade(node('r000'))).toEqual([{ kind: 'insert', id: 'r000' }]);
    expect(rows.upgrade(node('aaaa'))).toEqual([{ kind: 'update', from: 'r000', to: 'aaaa' }]);
    expect(rows.upgrade(node('bbb1'))).toEqual([{ kind: 'update', from: 'aaaa', to: 'bbb1' }]);
    expect(rows.upgrade(node('bbb2'))).toEqual([{ kind: 'insert', id: 'bbb2' }]);
    expect(rows.current()).toEqual(['bbb1', 'bbb2']);
    expect(rows.upgrade(node('mmmm'))).toEqual([{ kind: 'delete', id: 'bbb2' }, { kind: 'update', from: 'bbb1', to: 'mmmm' }]);
    expect(rows.current()).toEqual(['mmmm']);
  });

  it('undoes the same way: a merge gives its row back to both parents, a branch whose parent is covered is deleted', () => {
    const rows = new VersionRows(graph, ['mmmm']);
    expect(rows.downgrade(node('mmmm'))).toEqual([{ kind: 'update', from: 'mmmm', to: 'bbb1' }, { kind: 'insert', id: 'bbb2' }]);
    expect(rows.downgrade(node('bbb2'))).toEqual([{ kind: 'delete', id: 'bbb2' }]);
    expect(rows.downgrade(node('bbb1'))).toEqual([{ kind: 'update', from: 'bbb1', to: 'aaaa' }]);
    expect(rows.downgrade(node('aaaa'))).toEqual([{ kind: 'update', from: 'aaaa', to: 'r000' }]);
    expect(rows.downgrade(node('r000'))).toEqual([{ kind: 'delete', id: 'r000' }]);
    expect(rows.current()).toEqual([]);
  });

  it('a dependency keeps no row of its own: base:xxxx leaves {xxxx}, and xxxx:heads adds zzzz beside it', () => {
    const rows = new VersionRows(dependent, []);
    rows.upgrade(node('yyyy', dependent));
    expect(rows.upgrade(node('xxxx', dependent))).toEqual([{ kind: 'update', from: 'yyyy', to: 'xxxx' }]);
    expect(rows.current()).toEqual(['xxxx']);
    expect(rows.upgrade(node('zzzz', dependent))).toEqual([{ kind: 'insert', id: 'zzzz' }]);
    expect(rows.current()).toEqual(['xxxx', 'zzzz']);
  });

  it('undoing the dependent gives the row back to the dependency unless another head still needs it', () => {
    const alone = new VersionRows(dependent, ['xxxx']);
    expect(alone.downgrade(node('xxxx', dependent))).toEqual([{ kind: 'update', from: 'xxxx', to: 'yyyy' }]);
    const beside = new VersionRows(dependent, ['xxxx', 'zzzz']);
    expect(beside.downgrade(node('xxxx', dependent))).toEqual([{ kind: 'delete', id: 'xxxx' }]);
    expect(beside.current()).toEqual(['zzzz']);
  });

  it('a dependency already below a parent gets no row back: one row per head', () => {
    // cccc's parent bbbb descends from aaaa, which cccc also depends on.
    const chain = RevisionGraph.build([rev('aaaa'), rev('bbbb', ['aaaa']), rev('cccc', ['bbbb'], ['aaaa'])]);
    const rows = new VersionRows(chain, ['cccc']);
    expect(rows.downgrade(node('cccc', chain))).toEqual([{ kind: 'update', from: 'cccc', to: 'bbbb' }]);
  });

  it('a head that another head depends on has no row: starting at heads is starting at the rows base:heads leaves', () => {
    // bbbb is a head (no child) that aaaa depends on.
    const heads = RevisionGraph.build([rev('bbbb'), rev('aaaa', [], ['bbbb'])]);
    expect(new VersionRows(heads, ['aaaa', 'bbbb']).current()).toEqual(rowsAfterUpgrades(heads, [], ['bbbb', 'aaaa']));
  });

  it('stepping base:A then A:B leaves the rows of base:B', () => {
    expect(rowsAfterUpgrades(dependent, rowsAfterUpgrades(dependent, [], ['yyyy', 'xxxx']), ['zzzz'])).toEqual(rowsAfterUpgrades(dependent, [], ['yyyy', 'xxxx', 'zzzz']));
  });

  describe('stamp, as alembic stamp FROM:TO', () => {
    it('from base inserts a row per target', () => {
      const rows = new VersionRows(graph, []);
      expect(rows.stamp([node('bbb1'), node('bbb2')])).toEqual([{ kind: 'insert', id: 'bbb1' }, { kind: 'insert', id: 'bbb2' }]);
    });

    it('moves a row up or down its lineage, merging the rows it covers', () => {
      expect(new VersionRows(graph, ['aaaa']).stamp([node('mmmm')])).toEqual([{ kind: 'update', from: 'aaaa', to: 'mmmm' }]);
      expect(new VersionRows(graph, ['bbb1', 'bbb2']).stamp([node('aaaa')])).toEqual([{ kind: 'delete', id: 'bbb2' }, { kind: 'update', from: 'bbb1', to: 'aaaa' }]);
    });

    it('leaves a row of another lineage alone and adds one beside it', () => {
      const rows = new VersionRows(graph, ['bbb1']);
      expect(rows.stamp([node('bbb2')])).toEqual([{ kind: 'insert', id: 'bbb2' }]);
      expect(rows.current()).toEqual(['bbb1', 'bbb2']);
    });

    it('to a row the table has already changes nothing; to base deletes every row', () => {
      expect(new VersionRows(graph, ['aaaa']).stamp([node('aaaa')])).toEqual([]);
      const rows = new VersionRows(graph, ['bbb1', 'bbb2']);
      expect(rows.stamp([])).toEqual([{ kind: 'delete', id: 'bbb1' }, { kind: 'delete', id: 'bbb2' }]);
      expect(rows.current()).toEqual([]);
    });
  });
});
