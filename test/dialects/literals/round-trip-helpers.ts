/** What the engine round-trip tests share: generators of nasty values, batching, compact failures. */
import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';

/** The fixed seed of every property test, so a failure reproduces. */
export const SEED = 20240102;

const NASTY_UNITS = ["'", "''", '\\', '\\\\', '?', '\\?', ':', ':x', '$', '$$', '$a$', '-', '--', '/*', '*/', '\n', '\r', '\t', '\x1a', '\x1b', '"', '`', '[', ']', '{', '}', ',', 'E', 'N', ' ', 'NULL', 'é', '😀', '\u2028'];

/**
 * Strings over the whole Unicode range (NUL aside: every dialect refuses it, which the unit
 * tests check), and strings made of what breaks SQL quoting.
 */
export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }).filter((value) => !value.includes('\u0000')),
  fc.string({ unit: fc.constantFrom(...NASTY_UNITS), maxLength: 12 }),
);

export const date = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });

/** A plain object of JSON values whose strings hold no NUL (PostgreSQL's jsonb refuses \u0000). */
export const jsonObject = fc
  .dictionary(text, fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 }), { maxKeys: 4 })
  .filter((value) => !JSON.stringify(value).includes('\\u0000'));

export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** Fails on the first row that differs, naming the value that went in rather than all the rows. */
export function expectSameRows(actual: readonly unknown[], expected: readonly unknown[], inputs: readonly unknown[]): void {
  expect(actual).toHaveLength(expected.length);
  const index = expected.findIndex((row, position) => !isDeepStrictEqual(actual[position], row));
  if (index === -1) return;
  const show = (value: unknown) => inspect(value, { breakLength: Infinity, depth: 4 });
  throw new Error(`row ${index} differs\n  input:    ${show(inputs[index])}\n  expected: ${show(expected[index])}\n  actual:   ${show(actual[index])}`);
}

/** Runs a property with the fixed seed; a failure names the seed and path that reproduce it. */
export async function checkProperty<T>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, numRuns: number): Promise<void> {
  const details = await fc.check(property, { seed: SEED, numRuns, endOnFailure: true });
  if (details.failed) {
    throw new Error(`property failed with seed ${details.seed}, path ${details.counterexamplePath}: ${String(details.errorInstance)}`);
  }
}
