import { describe, expect, test } from 'vitest';
import { drawGraph, type GraphNode } from '../../src/revisions/draw-graph.js';

const node = (id: string, parents: string[] = []): GraphNode => ({ id, parents, label: id });

describe('drawGraph', () => {
  test('a chain is one lane', () => {
    expect(drawGraph([node('c', ['b']), node('b', ['a']), node('a')])).toEqual(['* c', '* b', '* a']);
  });

  test('a merge opens a lane, and the branch point joins it again', () => {
    expect(drawGraph([node('m', ['l', 'r']), node('r', ['p']), node('l', ['p']), node('p')]).join('\n')).toBe(['* m', '|\\', '| * r', '* | l', '|/', '* p'].join('\n'));
  });

  test('two heads: the second starts its own lane; a lane whose parent is not drawn ends', () => {
    expect(drawGraph([node('h1', ['a']), node('h2', ['a']), node('a', ['outside'])]).join('\n')).toBe(['* h1', '| * h2', '|/', '* a'].join('\n'));
  });

  test('three lanes join at one branch point, one column per line', () => {
    const lines = drawGraph([node('x', ['a']), node('y', ['b']), node('z', ['a']), node('b', ['a']), node('a')]);
    expect(lines.join('\n')).toBe(['* x', '| * y', '| | * z', '| * | b', '|/ /', '|/', '* a'].join('\n'));
  });

  test('a lane joins across one that goes on, crossing it', () => {
    const lines = drawGraph([node('x', ['a']), node('y', ['b']), node('z', ['a']), node('b', ['c']), node('a', ['c']), node('c')]);
    expect(lines.join('\n')).toBe(['* x', '| * y', '| | * z', '| * | b', '| |/', '|/|', '* | a', '|/', '* c'].join('\n'));
  });
});
