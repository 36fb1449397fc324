import { afterEach, describe, expect, it } from 'vitest';
import { renderSqliteLiteral as render } from '../../../src/dialects/literals/sqlite.js';
import { LiteralError } from '../../../src/errors.js';

const moment = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));

describe('renderSqliteLiteral', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'NULL'],
    ['true as 1', true, '1'],
    ['false as 0', false, '0'],
    ['an integer', 42, '42'],
    ['a fraction in shortest round-trip form', 0.1, '0.1'],
    ['a large number in exponent form', 1e21, '1e+21'],
    ['-0 as a real', -0, '-0.0'],
    ['Infinity as an overflowing real', Infinity, '9e999'],
    ['-Infinity as an overflowing real', -Infinity, '-9e999'],
    ['the largest 64-bit bigint', 2n ** 63n - 1n, '9223372036854775807'],
    ['the smallest 64-bit bigint', -(2n ** 63n), '-9223372036854775808'],
    ['a quote, doubled', "it's", "'it''s'"],
    ['a backslash, as it is', 'C:\\dir', "'C:\\dir'"],
    ['control characters other than CR, as they are', 'a\nb\t\x1b', "'a\nb\t\x1b'"],
    ['a carriage return, as UTF-8 hex cast to text (the sqlite3 shell drops the CR of CR LF)', 'a\r\nb', "CAST(X'610d0a62' AS TEXT)"],
    ['a Date as ISO 8601 UTC text', moment, "'2024-01-02T03:04:05.678Z'"],
    ['a Buffer as a blob', Buffer.from([0xde, 0xad]), "X'dead'"],
    ['an empty Buffer', Buffer.alloc(0), "X''"],
    ['a plain object as JSON text', { a: [1, 'b'] }, `'{"a":[1,"b"]}'`],
  ])('renders %s', (_, value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /undefined has no SQLite literal/],
    ['NaN, which SQLite stores as NULL', NaN, /The number NaN has no SQLite literal/],
    ['a bigint past 64 bits', 2n ** 63n, /A bigint of 19 digits \(outside the 64-bit integer range\)/],
    ['a NUL character', '\u0000', /NUL character/],
    ['a lone surrogate', 'x\uDFFF', /lone UTF-16 surrogate/],
    ['an invalid Date', new Date('2024-13-45'), /invalid Date/],
    ['an array', [], /An array has no SQLite literal/],
    ['a WeakMap', new WeakMap(), /a WeakMap object/],
  ])('refuses %s', (_, value, message) => {
    expect(() => render(value)).toThrow(LiteralError);
    expect(() => render(value)).toThrow(message);
  });
});

describe('knex bugs renderSqliteLiteral does not have', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('renders dates in UTC whatever the machine time zone', () => {
    process.env.TZ = 'Pacific/Chatham';
    expect(moment.getTimezoneOffset()).not.toBe(0);
    expect(render(moment)).toBe("'2024-01-02T03:04:05.678Z'");
  });

  it('never emits NaN or Infinity bare', () => {
    expect(render(Infinity)).toBe('9e999');
    expect(() => render(NaN)).toThrow(LiteralError);
  });

  it('keeps the sign of -0', () => expect(render(-0)).toBe('-0.0'));
  it('refuses an invalid Date', () => expect(() => render(new Date(NaN))).toThrow(LiteralError));
  it('renders a BigInt exactly', () => expect(render(9007199254740993n)).toBe('9007199254740993'));
  it('refuses an array instead of expanding it into a list', () => expect(() => render([1, 2])).toThrow(LiteralError));
  it('renders an object as a quoted JSON string, not bare JSON', () => expect(render({ a: 1 })).toBe(`'{"a":1}'`));
  it('refuses NUL', () => expect(() => render('a\u0000b')).toThrow(LiteralError));
});
