import { describe, expect, test } from 'vitest';
import { firstDifference } from '../../src/bundle/line-diff.js';

describe('firstDifference', () => {
  test('one changed line, with context', () => {
    expect(firstDifference('a\nb\nc\nd\ne\n', 'a\nb\nC\nd\ne\n', { context: 1 })).toEqual(['@@ -2,3 +2,3 @@', ' b', '-c', '+C', ' d']);
  });
  test('equal texts have no difference; an insertion shows only what was added', () => {
    expect(firstDifference('a\n', 'a\n')).toEqual([]);
    expect(firstDifference('a\nb\n', 'a\nx\nb\n', { context: 1 })).toEqual(['@@ -1,2 +1,3 @@', ' a', '+x', ' b']);
  });
  test('long changes are cut', () => {
    expect(firstDifference('1\n2\n3\n', 'x\ny\nz\n', { maxLines: 2 })).toEqual(['@@ -1,3 +1,3 @@', '-1', '-2', '-… 1 more line(s)', '+x', '+y', '+… 1 more line(s)']);
  });
});

describe('firstDifference stops where the texts agree again', () => {
  test('only the first of two separate changes is shown', () => {
    expect(firstDifference('a\nb\nc\nd\ne\nf\n', 'a\nB\nc\nd\ne\nF\n', { context: 1 })).toEqual(['@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c']);
  });
});
