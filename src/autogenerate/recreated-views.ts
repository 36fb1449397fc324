import type { SnapshotView } from '../schema/snapshot.js';
import { gone } from './schema-step.js';

/**
 * The views of `before` to drop and make again: those `after` lacks or defines otherwise, those
 * `reads` says read something that changes, and, round after round, those that read such a view.
 */
export function recreatedViews(before: readonly SnapshotView[], after: readonly SnapshotView[], reads: (view: SnapshotView, recreated: ReadonlySet<string>) => boolean): Set<string> {
  const recreated = new Set(gone(before, after).map((view) => view.name));
  let grew = true;
  while (grew) {
    grew = false;
    for (const view of before) {
      if (recreated.has(view.name) || !reads(view, recreated)) continue;
      recreated.add(view.name);
      grew = true;
    }
  }
  return recreated;
}
