import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLiteral, type LiteralKind } from '../../../src/dialects/literals/literal-kind.js';
import { renderMssqlLiteral } from '../../../src/dialects/literals/mssql.js';
import { renderMysqlLiteral } from '../../../src/dialects/literals/mysql.js';
import { renderPostgresqlLiteral } from '../../../src/dialects/literals/postgresql.js';
import { renderSqliteLiteral } from '../../../src/dialects/literals/sqlite.js';
import { LiteralError } from '../../../src/errors.js';
import { SEED } from './round-trip-helpers.js';

const RENDERERS = { postgresql: renderPostgresqlLiteral, mysql: renderMysqlLiteral, sqlite: renderSqliteLiteral, mssql: renderMssqlLiteral };

describe('classifyLiteral', () => {
  it.each<[unknown, LiteralKind]>([
    [null, 'null'],
    [undefined, 'unsupported'],
    [false, 'boolean'],
    [NaN, 'number'],
    [1n, 'bigint'],
    ['', 'string'],
    [new Date(NaN), 'date'],
    [Buffer.alloc(1), 'binary'],
    [new Uint8Array(1), 'binary'],
    [new Uint16Array(1), 'unsupported'],
    [new ArrayBuffer(1), 'unsupported'],
    [[], 'array'],
    [{}, 'json-object'],
    [Object.create(null), 'json-object'],
    [new Map(), 'unsupported'],
    [new (class Point {})(), 'unsupported'],
    [Object('boxed'), 'unsupported'],
    [() => 1, 'unsupported'],
    [Symbol.iterator, 'unsupported'],
  ])('classifies %o as %s', (value, kind) => {
    expect(classifyLiteral(value)).toBe(kind);
  });
});

/** A well-formed string with a NUL or a lone surrogate put in at some position. */
const unscriptable = fc
  .tuple(fc.string({ unit: 'binary' }), fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.nat())
  .map(([text, bad, at]) => {
    const position = at % (text.length + 1);
    return text.slice(0, position) + bad + text.slice(position);
  })
  // Slicing may have split a surrogate pair of `text`, which is no less unscriptable.
  .filter((value) => value.includes('\u0000') || /\p{Surrogate}/u.test(value));

describe.each(Object.entries(RENDERERS))('%s strings', (_, render) => {
  it('refuses every string with a NUL or a lone surrogate, which JSON text escapes instead', () => {
    fc.assert(
      fc.property(unscriptable, (value) => {
        expect(() => render(value)).toThrow(LiteralError);
        expect(() => render({ value })).not.toThrow();
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('renders every other string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((value) => !value.includes('\u0000')), (value) => {
        expect(render(value)).toEqual(expect.any(String));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('dialect-specific string guarantees', () => {
  const anyText = fc.string({ unit: fc.constantFrom('\\', "'", '\n', '\r', 'a', 'é', '😀', '?'), maxLength: 20 });

  it('MySQL literals never hold a backslash, whatever the string', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(renderMysqlLiteral(value)).not.toContain('\\');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('SQL Server literals never hold a backslash right before a line break inside one string', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(renderMssqlLiteral(value)).not.toMatch(/\\[\r\n]/);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('PostgreSQL literals hold a backslash only inside an E-string', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const literal = renderPostgresqlLiteral(value);
        if (literal.includes('\\')) expect(literal).toMatch(/^E'/);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
