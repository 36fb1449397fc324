/**
 * A short, unified-style view of where two texts first differ: enough for a reviewer to see what
 * changed in a re-rendered file without a diff tool. One hunk: the first run of differing lines
 * (up to where the texts agree again), with a little context, cut at `maxLines` per side.
 */

export interface LineDiffOptions {
  /** Unchanged lines shown before and after the change. */
  context?: number;
  /** The most removed (and the most added) lines shown. */
  maxLines?: number;
}

/**
 * The hunk as lines (`@@ -a,b +c,d @@`, then ` `, `-` and `+` lines); empty when the texts are equal.
 *
 * @example
 * firstDifference('a\nb\nc\n', 'a\nB\nc\n') // ['@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c']
 */
export function firstDifference(before: string, after: string, options: LineDiffOptions = {}): string[] {
  if (before === after) return [];
  const { context = 2, maxLines = 6 } = options;
  const old = withoutFinalEmpty(before.split('\n'));
  const next = withoutFinalEmpty(after.split('\n'));
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  const { removedCount, addedCount } = resync(old, next, head);
  const start = Math.max(0, head - context);
  const removed = old.slice(head, head + removedCount);
  const added = next.slice(head, head + addedCount);
  const following = old.slice(head + removedCount, head + removedCount + context);
  const shown = (lines: string[], sign: string) => [...lines.slice(0, maxLines).map((line) => `${sign}${line}`), ...(lines.length > maxLines ? [`${sign}… ${lines.length - maxLines} more line(s)`] : [])];
  const oldCount = head - start + removed.length + following.length;
  const newCount = head - start + added.length + following.length;
  return [
    `@@ -${start + 1},${oldCount} +${start + 1},${newCount} @@`,
    ...old.slice(start, head).map((line) => ` ${line}`),
    ...shown(removed, '-'),
    ...shown(added, '+'),
    ...following.map((line) => ` ${line}`),
  ];
}

/** How far the two texts can look ahead for a line where they agree again. */
const RESYNC_WINDOW = 200;

/**
 * The fewest lines to drop from each side after `head` (fewest in all first) until the texts
 * agree again, or to their ends when they do not within the window.
 */
function resync(old: readonly string[], next: readonly string[], head: number): { removedCount: number; addedCount: number } {
  const oldLeft = old.length - head;
  const nextLeft = next.length - head;
  for (let total = 1; total <= Math.min(RESYNC_WINDOW, oldLeft + nextLeft); total++) {
    for (let removedCount = 0; removedCount <= total; removedCount++) {
      const addedCount = total - removedCount;
      if (removedCount > oldLeft || addedCount > nextLeft) continue;
      const atEnd = removedCount === oldLeft && addedCount === nextLeft;
      if (atEnd || (removedCount < oldLeft && addedCount < nextLeft && old[head + removedCount] === next[head + addedCount])) return { removedCount, addedCount };
    }
  }
  return { removedCount: oldLeft, addedCount: nextLeft };
}

/** A text ending in a newline has no last line after it. */
function withoutFinalEmpty(lines: string[]): string[] {
  return lines.length > 1 && lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}
