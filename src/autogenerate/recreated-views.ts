import type { SnapshotView } from '../schema/snapshot.js';
import { byName } from './schema-step.js';

/**
 * The views of `before` to drop and make again: those `after` lacks or defines otherwise, those
 * `reads` says read something that changes, and, round after round, those that read such a view.
 */
export function recreatedViews(before: readonly SnapshotView[], after: readonly SnapshotView[], reads: (view: SnapshotView, recreated: ReadonlySet<string>) => boolean): Set<string> {
  const next = byName(after);
  const recreated = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const view of before) {
      if (recreated.has(view.name)) continue;
      const other = next.get(view.name);
      if (!other || JSON.stringify(other) !== JSON.stringify(view) || reads(view, recreated)) {
        recreated.add(view.name);
        grew = true;
      }
    }
  }
  return recreated;
}
