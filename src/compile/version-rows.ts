import type { RevisionGraph } from '../revisions/graph.js';
import type { RevisionNode } from '../revisions/types.js';

/** One change to the version table. */
export type VersionChange = { kind: 'insert'; id: string } | { kind: 'update'; from: string; to: string } | { kind: 'delete'; id: string };

/**
 * Which revisions have a row in the version table as a script goes along, following Alembic:
 * one row per head of what is applied, where "below" follows parents and dependencies alike
 * (Alembic counts a dependency as a down revision, so `X` depending on `Y` replaces `Y`'s row).
 *
 * An upgrade replaces the rows of its prerequisites that have one (a merge deletes all but one
 * and updates that one) or, when none has, inserts one. A downgrade gives its row back to the
 * prerequisites that nothing else applied still needs, or deletes it.
 */
export class VersionRows {
  private readonly heads: Set<string>;

  /**
   * `start`: the revisions the database is at when the script starts. Its rows are those no
   * other start revision needs: `heads` names a head that another reaches as a dependency, and
   * that head has no row of its own.
   */
  constructor(
    private readonly graph: RevisionGraph<RevisionNode>,
    start: readonly string[],
  ) {
    this.heads = new Set(start.filter((id) => !this.neededBy(start, id)));
  }

  upgrade(revision: RevisionNode): VersionChange[] {
    const replaced = this.prerequisites(revision).filter((id) => this.heads.has(id));
    return this.replace(replaced, revision.id);
  }

  downgrade(revision: RevisionNode): VersionChange[] {
    this.heads.delete(revision.id);
    const candidates = this.prerequisites(revision).filter((id) => !this.neededBy([...this.heads], id));
    // Of the candidates, only those no other candidate needs become rows: one row per head.
    const restored = candidates.filter((id) => !this.neededBy(candidates, id));
    for (const id of restored) this.heads.add(id);
    const [first, ...others] = restored;
    if (first === undefined) return [{ kind: 'delete', id: revision.id }];
    return [{ kind: 'update', from: revision.id, to: first }, ...others.map((id): VersionChange => ({ kind: 'insert', id }))];
  }

  /**
   * Marks the database as being at `targets` without running anything, as `alembic stamp`:
   * each target replaces the rows that share its lineage (below or above it), or gets a row of
   * its own. No targets (`base`) deletes every row.
   */
  stamp(targets: readonly RevisionNode[]): VersionChange[] {
    if (targets.length === 0) return this.current().map((id) => this.delete(id));
    return targets.flatMap((target) => {
      if (this.heads.has(target.id)) return [];
      const lineage = this.current().filter((id) => this.graph.requires(target.id, id) || this.graph.requires(id, target.id));
      return this.replace(lineage, target.id);
    });
  }

  /** The revisions that have rows now, sorted. */
  current(): string[] {
    return [...this.heads].sort();
  }

  /** Deletes all but the first of `replaced` and moves the first to `id`; inserts `id` when there is none. */
  private replace(replaced: readonly string[], id: string): VersionChange[] {
    const [kept, ...merged] = replaced;
    const deletes = merged.map((old) => this.delete(old));
    this.heads.add(id);
    if (kept === undefined) return [...deletes, { kind: 'insert', id }];
    this.heads.delete(kept);
    return [...deletes, { kind: 'update', from: kept, to: id }];
  }

  private delete(id: string): VersionChange {
    this.heads.delete(id);
    return { kind: 'delete', id };
  }

  private prerequisites(revision: RevisionNode): string[] {
    return this.graph.prerequisites(revision.id).map((prerequisite) => prerequisite.id);
  }

  /** Whether a revision of `others` other than `id` itself needs `id`. */
  private neededBy(others: readonly string[], id: string): boolean {
    return others.some((other) => other !== id && this.graph.requires(other, id));
  }
}
