import type { RevisionGraph } from '../revisions/graph.js';
import type { RevisionNode } from '../revisions/types.js';

/** One change to the version table. */
export type VersionChange = { kind: 'insert'; id: string } | { kind: 'update'; from: string; to: string } | { kind: 'delete'; id: string };

/**
 * Which revisions have a row in the version table as a script goes along, following Alembic:
 * one row per head. An upgrade replaces its parents' rows (a merge deletes all but one and
 * updates that one) or, when no parent has a row (a base, or a second branch off a branch
 * point), inserts one. A downgrade gives its row back to the parents that no other head
 * descends from, or deletes it.
 */
export class VersionRows {
  private readonly heads: Set<string>;

  /** `start`: the revisions whose rows the database has when the script starts. */
  constructor(
    private readonly graph: RevisionGraph<RevisionNode>,
    start: readonly string[],
  ) {
    this.heads = new Set(start);
  }

  upgrade(revision: RevisionNode): VersionChange[] {
    const replaced = [...revision.parents].sort().filter((parent) => this.heads.has(parent));
    for (const parent of replaced) this.heads.delete(parent);
    this.heads.add(revision.id);
    const [kept, ...merged] = replaced;
    if (kept === undefined) return [{ kind: 'insert', id: revision.id }];
    return [...merged.map((id): VersionChange => ({ kind: 'delete', id })), { kind: 'update', from: kept, to: revision.id }];
  }

  downgrade(revision: RevisionNode): VersionChange[] {
    this.heads.delete(revision.id);
    const restored = [...revision.parents].sort().filter((parent) => !this.coveredByHead(parent));
    for (const parent of restored) this.heads.add(parent);
    const [first, ...others] = restored;
    if (first === undefined) return [{ kind: 'delete', id: revision.id }];
    return [{ kind: 'update', from: revision.id, to: first }, ...others.map((id): VersionChange => ({ kind: 'insert', id }))];
  }

  /** The revisions that have rows now, sorted. */
  current(): string[] {
    return [...this.heads].sort();
  }

  private coveredByHead(parent: string): boolean {
    return [...this.heads].some((head) => this.graph.descendsFrom(head, parent));
  }
}
