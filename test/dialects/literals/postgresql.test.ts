import { afterEach, describe, expect, it } from 'vitest';
import { renderPostgresqlLiteral as render } from '../../../src/dialects/literals/postgresql.js';
import { LiteralError } from '../../../src/errors.js';

const moment = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));

describe('renderPostgresqlLiteral', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'NULL'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['an integer', 42, '42'],
    ['a negative integer', -7, '-7'],
    ['a fraction in shortest round-trip form', 0.1, '0.1'],
    ['a large number in exponent form', 1e21, '1e+21'],
    ['a tiny number in exponent form', 5e-324, '5e-324'],
    ['-0 with its sign', -0, "'-0'::float8"],
    ['NaN', NaN, "'NaN'::float8"],
    ['Infinity', Infinity, "'Infinity'::float8"],
    ['-Infinity', -Infinity, "'-Infinity'::float8"],
    ['a bigint beyond 2^53, exactly', 9007199254740993n, '9007199254740993'],
    ['a negative bigint', -123456789012345678901234567890n, '-123456789012345678901234567890'],
    ['a plain string', 'hello', "'hello'"],
    ['a quote, doubled', "it's", "'it''s'"],
    ['a backslash, in E-string form', 'C:\\dir', "E'C:\\\\dir'"],
    ['a backslash and a quote', "\\'", "E'\\\\'''"],
    ['control characters, as they are', 'a\nb\r\tc\x1b', "'a\nb\r\tc\x1b'"],
    ['non-ASCII and emoji', 'é ü 😀 𝄞', "'é ü 😀 𝄞'"],
    ['question marks and comment starters, as text', "? -- /* $$ :x", "'? -- /* $$ :x'"],
    ['a Date in UTC with an explicit offset', moment, "'2024-01-02 03:04:05.678+00'"],
    ['a Date in year 1', new Date('0001-01-01T00:00:00.000Z'), "'0001-01-01 00:00:00.000+00'"],
    ['a Buffer as bytea hex', Buffer.from([0, 1, 0xab, 0xff]), "E'\\\\x0001abff'::bytea"],
    ['a Uint8Array view, only its bytes', new Uint8Array([9, 1, 2, 9]).subarray(1, 3), "E'\\\\x0102'::bytea"],
    ['an empty Buffer', Buffer.alloc(0), "E'\\\\x'::bytea"],
    ['an empty array', [], "'{}'"],
    ['an array of numbers', [1, 2.5, -0, NaN], `'{"1","2.5","-0","NaN"}'`],
    ['an array with NULL', [null, 'a'], `'{NULL,"a"}'`],
    ['a string array with quotes, braces and backslashes', ['a"b', '{x,y}', 'NULL', 'c\\d', "it's"], `E'{"a\\\\"b","{x,y}","NULL","c\\\\\\\\d","it''s"}'`],
    ['a two-dimensional array', [[1, 2], [3, 4]], `'{{"1","2"},{"3","4"}}'`],
    ['an array of dates', [moment], `'{"2024-01-02 03:04:05.678+00"}'`],
    ['an array of bytes', [Buffer.from([1])], `E'{"\\\\\\\\x01"}'`],
    ['an array of objects', [{ a: 1 }], `E'{"{\\\\"a\\\\":1}"}'`],
    ['a plain object as JSON text', { a: 1, b: [true, null], c: 'x' }, `'{"a":1,"b":[true,null],"c":"x"}'`],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { k: "it's" }), `'{"k":"it''s"}'`],
    ['a JSON string with an escape, in E-string form', { s: 'line\nbreak' }, `E'{"s":"line\\\\nbreak"}'`],
  ])('renders %s', (_, value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['undefined (knex reads DEFAULT)', undefined, /undefined has no PostgreSQL literal/],
    ['a NUL character', 'a\u0000b', /NUL character \(U\+0000, at index 1\)/],
    ['a lone high surrogate', 'a\uD800b', /lone UTF-16 surrogate \(U\+D800, at index 1\)/],
    ['a lone low surrogate', '\uDC00', /lone UTF-16 surrogate \(U\+DC00/],
    ['an invalid Date', new Date('not a date'), /An invalid Date has no PostgreSQL literal/],
    ['a Date after year 9999', new Date(Date.UTC(10000, 0, 1)), /year 10000/],
    ['a Date before year 1', new Date(Date.UTC(-1, 0, 1)), /year -1/],
    ['a ragged array', [[1, 2], [3]], /ragged array/],
    ['an array mixing scalars and arrays', [1, [2]], /ragged array/],
    ['an empty inner array', [[], []], /empty array inside an array/],
    ['an undefined array element', [undefined], /undefined has no PostgreSQL literal/],
    ['a Map', new Map(), /a Map object has no PostgreSQL literal/],
    ['a class instance', new (class Money {})(), /a Money object/],
    ['a function', () => 1, /a function/],
    ['a symbol', Symbol('s'), /a symbol/],
    ['another typed array', new Int16Array(2), /a Int16Array object/],
    ['an object holding NaN, which JSON would turn into null', { n: NaN }, /holding NaN at \$\.n/],
    ['an object holding a Date', { when: moment }, /holding a Date object at \$\.when/],
    ['an object holding a bigint', { big: 1n }, /holding a bigint at \$\.big/],
    ['an object holding undefined in an array', { list: [undefined] }, /holding undefined at \$\.list\[0\]/],
    // eslint-disable-next-line no-sparse-arrays
    ['an object holding a sparse array, whose hole JSON would turn into null', { list: [, 1] }, /holding undefined at \$\.list\[0\]/],
    ['an object that contains itself', (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })(), /contains itself at \$\.self/],
    ['a string with NUL inside an array', ['a\u0000'], /NUL character/],
  ])('refuses %s', (_, value, message) => {
    expect(() => render(value)).toThrow(LiteralError);
    expect(() => render(value)).toThrow(message);
  });

  it('gives every refusal a hint', () => {
    try {
      render(undefined);
    } catch (error) {
      expect((error as LiteralError).hint).toMatch(/pass null for NULL/);
      expect((error as LiteralError).code).toBe('LITERAL_UNSUPPORTED');
      return;
    }
    throw new Error('expected a LiteralError');
  });

  it('omits object keys whose value is undefined, as JSON does', () => {
    expect(render({ a: 1, b: undefined })).toBe(`'{"a":1}'`);
  });
});

describe('knex bugs renderPostgresqlLiteral does not have', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('renders dates in UTC whatever the machine time zone', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(moment.getTimezoneOffset()).toBe(-330);
    expect(render(moment)).toBe("'2024-01-02 03:04:05.678+00'");
  });

  it('never emits NaN or Infinity bare', () => {
    expect(render(NaN)).toBe("'NaN'::float8");
    expect(render(-Infinity)).toBe("'-Infinity'::float8");
  });

  it('keeps the sign of -0', () => expect(render(-0)).toBe("'-0'::float8"));
  it('refuses an invalid Date instead of writing 0NaN-NaN-NaN', () => expect(() => render(new Date(NaN))).toThrow(LiteralError));
  it('renders a BigInt exactly (knex writes an empty string)', () => expect(render(2n ** 64n)).toBe('18446744073709551616'));
  it("renders a Buffer as bytea, not as a bit string X'..'", () => expect(render(Buffer.from('hi'))).toBe("E'\\\\x6869'::bytea"));
  it('renders an array as one array value, not as a list', () => expect(render([1, 2])).toBe(`'{"1","2"}'`));
  it('renders an object as a quoted JSON string, not bare JSON', () => expect(render({ a: 1 })).toBe(`'{"a":1}'`));
  it('refuses NUL instead of writing an unterminated or truncated string', () => expect(() => render('\u0000')).toThrow(LiteralError));
});
