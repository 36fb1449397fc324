import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, test } from 'vitest';
import { readStringConstant } from '../../src/lint/postgresql/string-constants.js';

/** The value PostgreSQL's own parser gives the constant. */
function parserValue(constant: string): string | undefined {
  const target = parseSync(`SELECT ${constant}`).stmts?.[0]?.stmt;
  const value = target && 'SelectStmt' in target ? target.SelectStmt.targetList?.[0] : undefined;
  const expression = value && 'ResTarget' in value ? value.ResTarget.val : undefined;
  return expression && 'A_Const' in expression ? (expression.A_Const.sval?.sval ?? '') : undefined;
}

describe('readStringConstant', () => {
  beforeAll(() => loadModule());

  test.each([
    "'plain'",
    "'it''s; not the end'",
    "''",
    '$$ dollar ; quoted $$',
    "$body$ with $$ and 'quotes' inside $body$",
    "E'line\\nbreak \\t tab \\' quote \\\\ backslash'",
    "e'octal \\101\\7 hex \\x41\\x9 unicode \\u00e9 \\U0001F600 other \\q'",
    "E'it''s'",
  ])('reads %s as PostgreSQL does, and places each plain character where it was written', (constant) => {
    const text = `x ${constant} y`;
    const read = readStringConstant(text, 2)!;
    expect(read.value).toBe(parserValue(constant));
    expect(text.slice(read.end)).toBe(' y');
    for (let index = 0; index < read.value.length; index += 1) {
      const written = text[read.offsetOf(index)];
      if (written !== '\\' && written !== "'") expect(written).toBe(read.value[index]);
    }
  });

  test('a quote or backslash sequence maps to where it starts', () => {
    const text = "E'a\\nb''c'";
    const read = readStringConstant(text, 0)!;
    expect([0, 1, 2, 3, 4, 5].map((index) => read.offsetOf(index))).toEqual([2, 3, 5, 6, 8, 9]);
  });

  test.each(["U&'d\\0061t'", "'not closed", "E'\\xe9'", 'plain'])('does not read %s', (constant) => {
    expect(readStringConstant(constant, 0)).toBeUndefined();
  });
});
