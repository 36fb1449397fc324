import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { countStatements, inlineBindings, sqlPieces, type SqlLexicalSyntax } from '../../src/compile/inline-bindings.js';
import { MSSQL_SYNTAX, renderMssqlLiteral } from '../../src/dialects/literals/mssql.js';
import { MYSQL_SYNTAX, renderMysqlLiteral } from '../../src/dialects/literals/mysql.js';
import { POSTGRESQL_SYNTAX, renderPostgresqlLiteral } from '../../src/dialects/literals/postgresql.js';
import { SQLITE_SYNTAX, renderSqliteLiteral } from '../../src/dialects/literals/sqlite.js';
import { LiteralError } from '../../src/errors.js';

const postgresql = { renderLiteral: renderPostgresqlLiteral, syntax: POSTGRESQL_SYNTAX };
const mysql = { renderLiteral: renderMysqlLiteral, syntax: MYSQL_SYNTAX };
const sqlite = { renderLiteral: renderSqliteLiteral, syntax: SQLITE_SYNTAX };
const mssql = { renderLiteral: renderMssqlLiteral, syntax: MSSQL_SYNTAX };

describe('inlineBindings', () => {
  it('replaces placeholders in order', () => {
    expect(inlineBindings('insert into t values (?, ?, ?)', [1, 'a', null], postgresql)).toBe("insert into t values (1, 'a', NULL)");
  });

  it.each<[string, string, typeof postgresql]>([
    ["PostgreSQL '...'", "select 'a?''?' , ?", postgresql],
    ['PostgreSQL "..."', 'select "a?""?" , ?', postgresql],
    ["PostgreSQL E'...' with \\'", "select E'a\\'?\\\\' , ?", postgresql],
    ["PostgreSQL e'...' in lower case", "select e'\\'?' , ?", postgresql],
    ['PostgreSQL $$...$$', 'select $$ ? \' $$ , ?', postgresql],
    ['PostgreSQL $tag$...$tag$ holding $$', 'select $fn$ ? $$ ? $fn$ , ?', postgresql],
    ['PostgreSQL -- comment', 'select -- ? \'\n ?', postgresql],
    ['PostgreSQL /* */ comment', 'select /* ? */ ?', postgresql],
    ['PostgreSQL nested /* /* */ */ comment', 'select /* a /* ? */ ? */ ?', postgresql],
    ["MySQL '...' with \\' (as knex writes it)", "select 'it\\'s ?' , ?", mysql],
    ['MySQL "..." with \\"', 'select "a\\"?" , ?', mysql],
    ['MySQL `...`', 'select `a?``?` , ?', mysql],
    ['MySQL # comment', 'select # ?\n ?', mysql],
    ['MySQL -- comment', 'select -- ?\n ?', mysql],
    ['MySQL /* */ comment, not nested', 'select /* /* ? */ ?', mysql],
    ["SQLite '...' where a backslash is text", "select 'a\\' , ?", sqlite],
    ['SQLite `...`', 'select `?` , ?', sqlite],
    ['SQLite [...]', 'select [?] , ?', sqlite],
    ['SQL Server [...] with ]]', 'select [a]]?] , ?', mssql],
    ["SQL Server N'...'", "select N'?''?' , ?", mssql],
    ['SQL Server nested comment', 'select /* /* ? */ ? */ ?', mssql],
  ])('leaves ? alone inside %s', (_, sql, dialect) => {
    const out = inlineBindings(sql, [7], dialect);
    expect(out).toBe(sql.slice(0, sql.lastIndexOf('?')) + '7');
  });

  it("reads E as an E'...' prefix only at the start of a token", () => {
    // In `typE'` the quote opens a standard string, where a backslash is text: the ? after it is a placeholder.
    expect(inlineBindings("select typE'\\' , ?", [1], postgresql)).toBe("select typE'\\' , 1");
  });

  it('does not read $1 or a$b$ as a dollar quote', () => {
    expect(inlineBindings('select a$b$ , ?', [1], postgresql)).toBe('select a$b$ , 1');
  });

  it('reads MySQL -- as a comment only when a space follows', () => {
    expect(inlineBindings('select 1--?', [2], mysql)).toBe('select 1--2');
  });

  it("turns knex's \\? into a literal ? that takes no binding", () => {
    expect(inlineBindings('select * from t where j \\? ? and k \\?| ?', ['a', 'b'], postgresql)).toBe("select * from t where j ? 'a' and k ?| 'b'");
  });

  it('copies \\? inside string literals unchanged, where the backslash is data', () => {
    expect(inlineBindings("select 'a\\?' , ?", [1], sqlite)).toBe("select 'a\\?' , 1");
  });

  it('separates a negative literal from an operator, so 1-? does not become a -- comment', () => {
    expect(inlineBindings('select 1-?, 2*?, @?, (?)', [-5, -1n, -2, -3], postgresql)).toBe('select 1- -5, 2* -1, @ -2, (-3)');
    expect(inlineBindings('select 1-?', [-0], mysql)).toBe('select 1- -0e0');
  });

  it('refuses more placeholders than bindings', () => {
    expect(() => inlineBindings('select ?, ?', [1], postgresql)).toThrow(/2 placeholder\(s\) but 1 binding\(s\)/);
  });

  it('refuses more bindings than placeholders', () => {
    expect(() => inlineBindings("select '?'", [1], postgresql)).toThrow(LiteralError);
    expect(() => inlineBindings("select '?'", [1], postgresql)).toThrow(/0 placeholder\(s\) but 1 binding\(s\)/);
  });

  it('names the binding whose value has no literal', () => {
    expect(() => inlineBindings('select ?, ?', [1, NaN], mysql)).toThrow(/^Binding 2: The number NaN has no MySQL literal/);
  });

  it.each<[string, string, SqlLexicalSyntax]>([
    ['string', "select 'abc", POSTGRESQL_SYNTAX],
    ['identifier', 'select "abc', POSTGRESQL_SYNTAX],
    ["E'...' string ending in an escaped quote", "select E'abc\\'", POSTGRESQL_SYNTAX],
    ['dollar-quoted string', 'select $x$ abc $y$', POSTGRESQL_SYNTAX],
    ['nested comment', 'select /* /* */', POSTGRESQL_SYNTAX],
    ['bracket identifier', 'select [abc', MSSQL_SYNTAX],
  ])('refuses an unterminated %s', (_, sql, syntax) => {
    expect(() => inlineBindings(sql, [], { renderLiteral: String, syntax })).toThrow(/Unterminated/);
  });

  it('reads /*/ as the start of a comment, not a whole one', () => {
    expect(() => inlineBindings('select /*/ ?', [1], sqlite)).toThrow(/Unterminated block comment/);
  });
});

describe('inlineBindings on what knex 3.3 emits', () => {
  it('keeps a default that knex inlined, with a ? in it, as text', () => {
    const knex = knexFactory({ client: 'pg' });
    const [statement] = knex.schema.createTable('t', (table) => table.string('a').defaultTo('why?')).toSQL();
    expect(statement?.bindings).toEqual([]);
    expect(inlineBindings(statement?.sql ?? '', [], postgresql)).toBe(`create table "t" ("a" varchar(255) default 'why?')`);
  });

  it("inlines an insert and the jsonb ? operator, which knex escapes as \\?", () => {
    const knex = knexFactory({ client: 'pg' });
    const { sql, bindings } = knex('t').insert({ a: "it's?", b: 1 }).where('j', '?', 'key').toSQL();
    expect(inlineBindings(sql, bindings, postgresql)).toBe(`insert into "t" ("a", "b") values ('it''s?', 1)`);
    const query = knex('t').where('j', '?', 'key').toSQL();
    expect(query.sql).toContain('\\?');
    expect(inlineBindings(query.sql, query.bindings, postgresql)).toBe(`select * from "t" where "j" ? 'key'`);
  });

  it("reads knex's backslash-escaped MySQL strings", () => {
    const knex = knexFactory({ client: 'mysql2' });
    const { sql } = knex.raw("select 'it\\'s \\?' , ?", [1]).toSQL();
    expect(sql).toBe("select 'it\\'s \\?' , ?");
    expect(inlineBindings(sql, [1], mysql)).toBe("select 'it\\'s \\?' , 1");
  });
});

describe('countStatements', () => {
  it.each<[string, number]>([
    ['select 1', 1],
    ['select 1;', 1],
    ['select 1; select 2', 2],
    ["select ';' ; ", 1],
    ['select 1; -- done', 1],
    ['select 1; /* ; */', 1],
    ['', 0],
    [' ; ; ', 0],
  ])('counts %j as %i', (sql, count) => {
    expect(countStatements(sql, POSTGRESQL_SYNTAX)).toBe(count);
  });
});

describe('sqlPieces', () => {
  it('gives back the SQL unchanged when its pieces are joined', () => {
    const sql = "select 'a?' , \"b\" , ? , \\? ; -- c\n/* d */ $x$ e $x$";
    const pieces = [...sqlPieces(sql, POSTGRESQL_SYNTAX)];
    expect(pieces.map((piece) => piece.text).join('')).toBe(sql);
    expect(pieces.map((piece) => piece.kind)).toEqual([
      'code', 'text', 'code', 'text', 'code', 'placeholder', 'code', 'escaped-question-mark', 'code', 'terminator', 'code', 'text', 'code', 'text', 'code', 'text',
    ]);
  });
});
