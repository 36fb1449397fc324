import { afterEach, describe, expect, it } from 'vitest';
import { renderMssqlLiteral as render } from '../../../src/dialects/literals/mssql.js';
import { LiteralError } from '../../../src/errors.js';

const moment = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));

describe('renderMssqlLiteral', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'NULL'],
    ['true as 1', true, '1'],
    ['false as 0', false, '0'],
    ['an integer', 42, '42'],
    ['a fraction in shortest round-trip form', 0.1, '0.1'],
    ['a large number in exponent form', 1e21, '1e+21'],
    ['-0 as a float expression', -0, '-0e0'],
    ['a bigint of 38 digits', 10n ** 38n - 1n, '9'.repeat(38)],
    ['a plain string as Unicode', 'hello', "N'hello'"],
    ['a quote, doubled', "it's", "N'it''s'"],
    ['a backslash, as it is', 'C:\\dir', "N'C:\\dir'"],
    ['control characters, as they are', 'a\nb\r\t\x1b', "N'a\nb\r\t\x1b'"],
    ['non-ASCII and emoji', 'ß 😀', "N'ß 😀'"],
    ['a backslash before a line break, split so T-SQL keeps both', 'a\\\nb', "(CAST(N'a\\' AS nvarchar(max)) + N'\nb')"],
    ['several line continuations and CRLF', "\\\r\n'\\\n", "(CAST(N'\\' AS nvarchar(max)) + N'\r\n''\\' + N'\n')"],
    ['a Date as UTC datetimeoffset text', moment, "'2024-01-02T03:04:05.678+00:00'"],
    ['a Buffer as binary', Buffer.from([0x0a, 0xbc]), '0x0abc'],
    ['an empty Buffer', Buffer.alloc(0), '0x'],
    ['a plain object as Unicode JSON text', { a: 'é' }, `N'{"a":"é"}'`],
  ])('renders %s', (_, value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /undefined has no SQL Server literal/],
    ['NaN', NaN, /The number NaN has no SQL Server literal/],
    ['Infinity', Infinity, /The number Infinity/],
    ['a bigint of 39 digits', -(10n ** 38n), /A bigint of 39 digits \(outside decimal's 38 digits\)/],
    ['a NUL character', '\u0000', /NUL character/],
    ['a lone surrogate', '\uD800', /lone UTF-16 surrogate/],
    ['an invalid Date', new Date(NaN), /invalid Date/],
    ['an array', [1], /An array has no SQL Server literal/],
    ['a Promise', Promise.resolve(1), /a Promise object/],
  ])('refuses %s', (_, value, message) => {
    expect(() => render(value)).toThrow(LiteralError);
    expect(() => render(value)).toThrow(message);
  });
});

describe('knex bugs renderMssqlLiteral does not have', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('renders dates in UTC whatever the machine time zone', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(moment.getTimezoneOffset()).toBe(-60);
    expect(render(moment)).toBe("'2024-01-02T03:04:05.678+00:00'");
  });

  it('never emits NaN or Infinity bare', () => expect(() => render(-Infinity)).toThrow(LiteralError));
  it('keeps the sign of -0', () => expect(render(-0)).toBe('-0e0'));
  it('refuses an invalid Date', () => expect(() => render(new Date('x'))).toThrow(LiteralError));
  it('renders a BigInt exactly', () => expect(render(9007199254740993n)).toBe('9007199254740993'));
  it('refuses an array instead of expanding it into a list', () => expect(() => render([1, 2])).toThrow(LiteralError));
  it('renders an object as a quoted JSON string, not bare JSON', () => expect(render({ a: 1 })).toBe(`N'{"a":1}'`));
  it('refuses NUL', () => expect(() => render('\u0000')).toThrow(LiteralError));
});
