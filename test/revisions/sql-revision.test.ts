import { describe, expect, it } from 'vitest';
import { RevisionFileError } from '../../src/errors.js';
import { listValue, parseSqlRevision } from '../../src/revisions/sql-revision.js';

const FILE = 'revisions/abcd1234_x.sql';

function syntaxError(text: string): RevisionFileError {
  try {
    parseSqlRevision(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(RevisionFileError);
    return error as RevisionFileError;
  }
  throw new Error('expected a syntax error');
}

describe('parseSqlRevision', () => {
  it('reads directives, sections and their first lines', () => {
    const text = [
      '-- sqlgen:id abcd1234',
      '-- sqlgen:parents 1111aaaa, 2222bbbb',
      '-- sqlgen:message merge it: "all" of it',
      '-- a free comment: not a directive',
      '',
      '-- sqlgen:upgrade',
      '',
      'CREATE TABLE t (id int);',
      "INSERT INTO t VALUES (1); -- sqlgen:upgrade is only a marker at line start",
      '-- sqlgen:downgrade',
      'DROP TABLE t;',
      '',
    ].join('\n');
    const parsed = parseSqlRevision(text, FILE);
    expect(parsed.directives.get('id')).toEqual({ value: 'abcd1234', line: 1 });
    expect(listValue(parsed.directives.get('parents')!.value)).toEqual(['1111aaaa', '2222bbbb']);
    expect(parsed.directives.get('message')!.value).toBe('merge it: "all" of it');
    expect(parsed.upgrade).toEqual({ sql: "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1); -- sqlgen:upgrade is only a marker at line start", line: 8 });
    expect(parsed.downgrade).toEqual({ sql: 'DROP TABLE t;', line: 11 });
  });

  it('accepts CRLF line endings and an empty parents directive', () => {
    const parsed = parseSqlRevision('-- sqlgen:id abcd1234\r\n-- sqlgen:parents\r\n-- sqlgen:upgrade\r\nSELECT 1;\r\n', FILE);
    expect(listValue(parsed.directives.get('parents')!.value)).toEqual([]);
    expect(parsed.upgrade.sql).toBe('SELECT 1;');
    expect(parsed.downgrade).toBeUndefined();
  });

  it.each([
    ['no upgrade section', '-- sqlgen:id abcd1234\n', /no `-- sqlgen:upgrade` section/, 1],
    ['SQL before the upgrade marker', '-- sqlgen:id abcd1234\nDROP TABLE x;\n-- sqlgen:upgrade\n', /:2: SQL before/, 2],
    ['an unknown directive', '-- sqlgen:parent abcd\n-- sqlgen:upgrade\n', /:1: unknown directive `sqlgen:parent`/, 1],
    ['a repeated directive', '-- sqlgen:id a\n-- sqlgen:id b\n-- sqlgen:upgrade\n', /:2: `sqlgen:id` given twice/, 2],
    ['a directive inside a section', '-- sqlgen:upgrade\nSELECT 1;\n-- sqlgen:message late\n', /:3: directive `sqlgen:message` inside a section/, 3],
    ['a second upgrade marker', '-- sqlgen:upgrade\n-- sqlgen:upgrade\n', /:2: a second/, 2],
    ['downgrade before upgrade', '-- sqlgen:downgrade\n-- sqlgen:upgrade\n', /:2: the upgrade section must come before/, 2],
  ])('rejects %s with the file and line', (_name, text, message, line) => {
    const error = syntaxError(text);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(FILE)).toBe(true);
    expect(error.location).toEqual({ file: FILE, line });
    expect(error.code).toBe('REVISION_SYNTAX');
  });
});
