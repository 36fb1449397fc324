import { describe, expect, it } from 'vitest';
import { VersionRows } from '../../src/compile/version-rows.js';
import { RevisionGraph } from '../../src/revisions/graph.js';
import type { RevisionNode } from '../../src/revisions/types.js';

const rev = (id: string, parents: string[] = []): RevisionNode => ({ id, parents, dependsOn: [], branchLabels: [], message: id, file: `revisions/${id}_x.ts` });

// base -> a -> (b1, b2) -> merge
const nodes = [rev('base'.replace('base', 'r000')), rev('aaaa', ['r000']), rev('bbb1', ['aaaa']), rev('bbb2', ['aaaa']), rev('mmmm', ['bbb1', 'bbb2'])];
const graph = RevisionGraph.build(nodes);
const node = (id: string) => graph.get(id);

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
});
