import { expect } from 'vitest';
import type { SqlgenError } from '../../src/errors.js';
import { RevisionGraph } from '../../src/revisions/graph.js';
import type { RevisionNode } from '../../src/revisions/types.js';

type RevisionOptions = Partial<Pick<RevisionNode, 'dependsOn' | 'branchLabels' | 'file' | 'message'>>;

/** A revision node as the loader would produce it, from `revisions/<id>_x.ts`. */
export function rev(id: string, parents: string[] = [], options: RevisionOptions = {}): RevisionNode {
  return { id, parents, dependsOn: [], branchLabels: [], message: `message ${id}`, file: `revisions/${id}_x.ts`, ...options };
}

export function graphOf(...nodes: RevisionNode[]): RevisionGraph {
  return RevisionGraph.build(nodes);
}

export function ids(nodes: readonly (RevisionNode | null)[]): (string | null)[] {
  return nodes.map((node) => node?.id ?? null);
}

/** Runs `action`, expects it to throw a `type` with `code`, and returns the error for more checks. */
export function failure<E extends SqlgenError>(action: () => unknown, type: new (...args: never[]) => E, code: string): E {
  let error: unknown;
  try {
    action();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(type);
  expect((error as E).code).toBe(code);
  expect((error as E).hint).not.toBe('');
  return error as E;
}
