/** Compares dotted version numbers (`3.35.0`) part by part: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The PostgreSQL major version lint findings assume when nothing says otherwise: the oldest the
 * PostgreSQL project still supports (14 reached its end of life in November 2026). Advice for
 * it holds on every supported server: a hazard a later version removed is still reported.
 */
export const DEFAULT_POSTGRESQL_VERSION = 15;

/** The oldest PostgreSQL major version a lint can be set for (the first with a one-number name). */
export const MIN_POSTGRESQL_VERSION = 10;
