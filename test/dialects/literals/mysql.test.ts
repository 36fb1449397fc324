import { afterEach, describe, expect, it } from 'vitest';
import { renderMysqlLiteral as render } from '../../../src/dialects/literals/mysql.js';
import { LiteralError } from '../../../src/errors.js';

const moment = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
const utf8Hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

describe('renderMysqlLiteral', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'NULL'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['an integer', 42, '42'],
    ['a fraction in shortest round-trip form', 0.1, '0.1'],
    ['a large number in exponent form', 1e21, '1e+21'],
    ['-0 as a DOUBLE expression', -0, '-0e0'],
    ['a bigint beyond 2^53, exactly', 9007199254740993n, '9007199254740993'],
    ['a bigint of 65 digits', 10n ** 65n - 1n, '9'.repeat(65)],
    ['a plain string', 'hello', "'hello'"],
    ['a quote, doubled', "it's", "'it''s'"],
    ['control characters other than CR, as they are', 'a\nb\tc\x1a', "'a\nb\tc\x1a'"],
    ['a carriage return, as utf8mb4 hex (the client reads CR LF as LF)', 'a\r\nb', "_utf8mb4 X'610d0a62'"],
    ['non-ASCII and emoji', 'é 😀', "'é 😀'"],
    ['a backslash, as utf8mb4 hex', 'C:\\dir', `_utf8mb4 X'${utf8Hex('C:\\dir')}'`],
    ['a backslash with non-ASCII, as UTF-8 bytes', 'é\\😀', "_utf8mb4 X'c3a95cf09f9880'"],
    ['a Date in UTC without offset', moment, "'2024-01-02 03:04:05.678'"],
    ['a Buffer as hex', Buffer.from([0, 0xff]), "X'00ff'"],
    ['an empty Buffer', Buffer.alloc(0), "X''"],
    ['a plain object as JSON text', { a: "it's" }, `'{"a":"it''s"}'`],
    ['a JSON string with an escape, as hex', { s: 'a\nb' }, `_utf8mb4 X'${utf8Hex('{"s":"a\\nb"}')}'`],
  ])('renders %s', (_, value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /undefined has no MySQL literal/],
    ['NaN', NaN, /The number NaN has no MySQL literal/],
    ['Infinity', Infinity, /The number Infinity/],
    ['-Infinity', -Infinity, /The number -Infinity/],
    ['a bigint of 66 digits', 10n ** 65n, /A bigint of 66 digits \(outside DECIMAL's 65 digits\)/],
    ['a NUL character', 'a\u0000', /NUL character/],
    ['a NUL character next to a backslash', '\\\u0000', /NUL character/],
    ['a lone surrogate', '\uD83D', /lone UTF-16 surrogate/],
    ['an invalid Date', new Date(''), /invalid Date/],
    ['a Date after year 9999', new Date(Date.UTC(10000, 0, 1)), /year 10000/],
    ['an array', [1, 2], /An array has no MySQL literal/],
    ['a Set', new Set(), /a Set object/],
  ])('refuses %s', (_, value, message) => {
    expect(() => render(value)).toThrow(LiteralError);
    expect(() => render(value)).toThrow(message);
  });

  it('hints at JSON.stringify for arrays', () => {
    expect(() => render([1])).toThrow(expect.objectContaining({ hint: expect.stringMatching(/JSON\.stringify/) }));
  });
});

describe('knex bugs renderMysqlLiteral does not have', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('renders dates in UTC whatever the machine time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(moment.getTimezoneOffset()).toBe(480);
    expect(render(moment)).toBe("'2024-01-02 03:04:05.678'");
  });

  it('never writes a backslash escape, which NO_BACKSLASH_ESCAPES would turn into an injection', () => {
    const attack = "\\'; DROP TABLE users; -- ";
    const literal = render(attack);
    expect(literal).toBe(`_utf8mb4 X'${utf8Hex(attack)}'`);
    expect(literal).not.toContain('\\');
  });

  it('never emits NaN or Infinity bare', () => expect(() => render(Infinity)).toThrow(LiteralError));
  it('keeps the sign of -0', () => expect(render(-0)).toBe('-0e0'));
  it('refuses an invalid Date instead of writing 0NaN-NaN-NaN', () => expect(() => render(new Date(NaN))).toThrow(LiteralError));
  it('renders a BigInt exactly', () => expect(render(-(2n ** 64n))).toBe('-18446744073709551616'));
  it('refuses an array instead of expanding it into a list', () => expect(() => render(['a', 'b'])).toThrow(LiteralError));
  it('renders an object as a quoted JSON string, not bare JSON', () => expect(render({ a: 1 })).toBe(`'{"a":1}'`));
  it("refuses NUL instead of writing '\\0'", () => expect(() => render('\u0000')).toThrow(LiteralError));
});
