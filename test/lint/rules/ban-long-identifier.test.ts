import { describe, expect, test } from 'vitest';
import { mayHoldLongName } from '../../../src/lint/rules/ban-long-identifier.js';
import { pick, prng } from '../../helpers/random.js';
import { describeRule } from './rule-cases.js';

const LONG = 'order_line_items_with_their_discounts_and_taxes_for_each_country_x';

describeRule('ban-long-identifier', {
  postgresql: {
    bad: [
      `CREATE TABLE ${LONG} (id int);`,
      `CREATE TABLE orders (${LONG} int);`,
      `ALTER TABLE orders ADD COLUMN ${LONG} int;`,
      `ALTER TABLE orders ADD CONSTRAINT ${LONG} CHECK (total >= 0) NOT VALID;`,
      `CREATE INDEX CONCURRENTLY ${LONG} ON orders (total);`,
      `ALTER TABLE orders RENAME TO ${LONG};`,
      `CREATE VIEW ${LONG} AS SELECT 1;`,
      `CREATE TYPE ${LONG} AS ENUM ('a');`,
      // 32 two-byte letters: 32 characters, 64 bytes.
      `CREATE TABLE ${'é'.repeat(32)} (id int);`,
    ],
    good: [
      `CREATE TABLE ${LONG.slice(0, 63)} (id int);`,
      `SELECT * FROM ${LONG};`,
      `CREATE TABLE ${'é'.repeat(31)}x (id int);`,
    ],
  },
});

describe('the pre-check that spares most statements the walk of their tree', () => {
  /** What a name of over 63 bytes needs in the text, as a regular expression (slower: it tries 22 characters at every position). */
  const NEEDS = /[\w$\u0080-\uffff]{22}|"(?:[^"]|""){22}/;

  test('says yes exactly where the regular expression matches, on random text', () => {
    const random = prng(63);
    const units = ['a', 'Z', '9', '_', '$', 'é', '😀', ' ', '"', "'", '(', '-', '\n', '\u0080', '\uffff', '\u007f'];
    for (let sample = 0; sample < 20_000; sample += 1) {
      const bias = random();
      const text = Array.from({ length: Math.floor(random() * 60) }, () => (random() < bias ? 'x' : pick(random, units))).join('');
      expect(mayHoldLongName(text), JSON.stringify(text)).toBe(NEEDS.test(text));
    }
  });
});
