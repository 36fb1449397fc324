import { describe, expect, test } from 'vitest';
import { parseKeywordStatement, statementTokens, tokenize, type KeywordDialectId } from '../../../src/lint/keywords/tokens.js';

/** `kind:text` of each token, for compact expectations. */
function kinds(sql: string, dialect: KeywordDialectId): string[] {
  return tokenize(sql, dialect).tokens.map((token) => `${token.kind}:${token.text}`);
}

describe('tokenize', () => {
  test('words are upper-cased; numbers and punctuation are kept as written', () => {
    expect(kinds('update orders set total = 1.5e-3, n=0x1F where id >= 2', 'mysql')).toEqual([
      'word:UPDATE', 'word:ORDERS', 'word:SET', 'word:TOTAL', 'punctuation:=', 'number:1.5e-3', 'punctuation:,',
      'word:N', 'punctuation:=', 'number:0x1F', 'word:WHERE', 'word:ID', 'punctuation:>', 'punctuation:=', 'number:2',
    ]);
  });

  test('a ; in a string is text, and strings lose their quotes, a doubled quote read as one', () => {
    expect(kinds("insert into t values ('a;b', 'it''s')", 'sqlite')).toEqual([
      'word:INSERT', 'word:INTO', 'word:T', 'word:VALUES', 'punctuation:(', 'string:a;b', 'punctuation:,', "string:it's", 'punctuation:)',
    ]);
  });

  test('MySQL: backticks quote names, double quotes are strings, backslashes escape', () => {
    expect(kinds("select `a``b`, \"x\\\"y\", 'c\\'d'", 'mysql')).toEqual(['word:SELECT', 'quoted-identifier:a`b', 'punctuation:,', 'string:x"y', 'punctuation:,', "string:c'd"]);
  });

  test('SQL Server: [brackets] and double quotes quote names, N prefixes a string', () => {
    expect(kinds("exec sp_rename N'[dbo].[a]]b]', \"new name\"", 'mssql')).toEqual(['word:EXEC', 'word:SP_RENAME', 'string:[dbo].[a]]b]', 'punctuation:,', 'quoted-identifier:new name']);
    const [, , prefixed] = tokenize("exec p N'x'", 'mssql').tokens;
    expect(prefixed).toMatchObject({ kind: 'string', text: 'x', offset: 7, end: 11 });
  });

  test('SQLite reads [brackets], backticks and double quotes as names', () => {
    expect(kinds('select [a b], `c`, "d" from t', 'sqlite')).toEqual([
      'word:SELECT', 'quoted-identifier:a b', 'punctuation:,', 'quoted-identifier:c', 'punctuation:,', 'quoted-identifier:d', 'word:FROM', 'word:T',
    ]);
  });

  test('comments are left out: --, /* */, and # in MySQL', () => {
    expect(kinds('drop /* a; b */ table -- c\n t # d', 'mysql')).toEqual(['word:DROP', 'word:TABLE', 'word:T']);
    expect(kinds('select #t from @v', 'mssql')).toEqual(['word:SELECT', 'word:#T', 'word:FROM', 'word:@V']);
  });

  test('parentheses give depth; ( and ) have the depth around them', () => {
    const tokens = tokenize('update t set a = (select max(b) from u) where c', 'mysql').tokens;
    expect(tokens.map((token) => `${token.text}@${token.depth}`)).toEqual([
      'UPDATE@0', 'T@0', 'SET@0', 'A@0', '=@0', '(@0', 'SELECT@1', 'MAX@1', '(@1', 'B@2', ')@1', 'FROM@1', 'U@1', ')@0', 'WHERE@0', 'C@0',
    ]);
  });

  test('offsets are UTF-16 offsets into the statement', () => {
    const tokens = tokenize("select 'é' , naïve", 'sqlite').tokens;
    expect(tokens.map((token) => [token.text, token.offset, token.end])).toEqual([
      ['SELECT', 0, 6], ['é', 7, 10], [',', 11, 12], ['NAÏVE', 13, 18],
    ]);
  });

  test('a string or comment left open is reported, with the tokens before it', () => {
    expect(tokenize("select 'abc", 'mysql')).toMatchObject({ tokens: [], unclosedAt: 0 });
    expect(parseKeywordStatement('select 1 /* open', 'sqlite')).toEqual({ error: { message: 'a string, quoted name or comment is not closed', offset: 0 } });
  });
});

describe('statementTokens', () => {
  test('reads the tokens the engine put on a keyword-dialect statement, and nothing for PostgreSQL', () => {
    const parsed = parseKeywordStatement('drop table t', 'mysql');
    const ast = 'ast' in parsed ? parsed.ast : undefined;
    const statement = { sql: 'drop table t', location: { file: 'm.sql', line: 1, column: 1 }, inTransaction: false, ast };
    expect(statementTokens({ ...statement, dialect: 'mysql' })).toHaveLength(3);
    expect(statementTokens({ ...statement, dialect: 'postgresql' })).toBeUndefined();
  });
});
