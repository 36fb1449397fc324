import { describe, expect, test } from 'vitest';
import { postgresqlGuard } from '../../src/dialects/guards/postgresql.js';
import { lintScript, type LintOptions } from '../../src/lint/engine.js';
import { mayHoldStatements } from '../../src/lint/postgresql/plpgsql-bodies.js';
import { freshPglite, runPsqlScript } from '../helpers/pglite.js';

/** require-statement-timeout (info) would add a finding to nearly every script here. */
const POSTGRESQL: LintOptions = { file: 'm.sql', dialect: 'postgresql', rules: { 'require-statement-timeout': 'off' } };
const NOT_NULL = 'ban-add-not-null-column-without-default';
const ADD_NOT_NULL = 'ALTER TABLE t ADD COLUMN c int NOT NULL';

/** The rules these scripts are written to trip; other rules' findings are left out. */
const CHECKED = new Set([NOT_NULL, 'require-where-in-update-delete', 'ban-drop-table', 'require-lock-timeout', 'ban-concurrent-index-creation-in-transaction']);

async function findings(sql: string, options: Partial<LintOptions> = {}): Promise<string[]> {
  const found = await lintScript(sql, { ...POSTGRESQL, ...options });
  return found.filter((finding) => CHECKED.has(finding.ruleId)).map((finding) => `${finding.location.line}:${finding.location.column} ${finding.ruleId}`);
}

/** `line:column` of the `occurrence`th (1-based) `text` in `script`, as a finding shows it. */
function at(script: string, text: string, occurrence = 1): string {
  let offset = -1;
  for (let seen = 0; seen < occurrence; seen += 1) offset = script.indexOf(text, offset + 1);
  if (offset === -1) throw new Error(`${text} is not in the script`);
  const before = script.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('statements in PL/pgSQL bodies are linted where they are written', () => {
  test('a DO block: the finding points at the line and column in the file', async () => {
    const script = `SET lock_timeout = '1s';\nDO $$\nBEGIN\n  ${ADD_NOT_NULL};\nEND\n$$;\n`;
    expect(await findings(script)).toEqual([`${at(script, 'NOT NULL')} ${NOT_NULL}`]);
  });

  test('a function and a procedure with tagged dollar quotes, statements nested in IF, loops and handlers', async () => {
    const script = [
      "SET lock_timeout = '1s';",
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$',
      'DECLARE n int;',
      'BEGIN',
      "  SET lock_timeout = '1s';",
      '  SELECT count(*) INTO n FROM u; UPDATE u SET a = 1;',
      '  IF n > 0 THEN',
      '    FOR i IN 1..2 LOOP DELETE FROM v; END LOOP;',
      '  END IF;',
      'EXCEPTION WHEN others THEN',
      `  ${ADD_NOT_NULL};`,
      'END $fn$;',
      "CREATE PROCEDURE p() AS $body$ BEGIN SET lock_timeout = '1s'; DROP TABLE w; END $body$ LANGUAGE plpgsql;",
    ].join('\n');
    expect(await findings(script)).toEqual([
      `${at(script, 'UPDATE')} require-where-in-update-delete`,
      `${at(script, 'DELETE')} require-where-in-update-delete`,
      `${at(script, 'NOT NULL')} ${NOT_NULL}`,
      `${at(script, 'DROP TABLE w')} ban-drop-table`,
    ]);
  });

  test('quoted bodies: a doubled quote, and the escapes of E strings, are one character of the body', async () => {
    const script = [
      "SET lock_timeout = '1s';",
      "DO 'BEGIN RAISE NOTICE ''it''''s''; UPDATE u SET note = ''x''; END';",
      "DO E'BEGIN\\n  RAISE NOTICE \\'\\\\t\\u00e9\\';\\n  UPDATE v SET note = \\'y\\';\\nEND';",
    ].join('\n');
    expect(await findings(script)).toEqual([`${at(script, 'UPDATE u')} require-where-in-update-delete`, `${at(script, 'UPDATE v')} require-where-in-update-delete`]);
  });

  test('EXECUTE of a string constant is linted inside the string; a string built at run time cannot be', async () => {
    const script = [
      "SET lock_timeout = '1s';",
      'DO $$ BEGIN',
      `  EXECUTE '${ADD_NOT_NULL}';`,
      `  EXECUTE $sql$ UPDATE u SET a = 1; DROP TABLE w $sql$;`,
      "  EXECUTE 'DROP TABLE ' || quote_ident('x');",
      "  EXECUTE format('DROP TABLE %I', 'y');",
      'END $$;',
    ].join('\n');
    expect(await findings(script)).toEqual([
      `${at(script, 'NOT NULL')} ${NOT_NULL}`,
      `${at(script, 'UPDATE u')} require-where-in-update-delete`,
      `${at(script, 'DROP TABLE w')} ban-drop-table`,
    ]);
  });

  test('positions count UTF-16 characters, and a body inside a body is read too', async () => {
    const script = [
      "SET lock_timeout = '1s';",
      "DO $outer$ BEGIN RAISE NOTICE 'Bestellungen für 😀'; CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $inner$",
      "BEGIN SET lock_timeout = '1s'; RAISE NOTICE '😀'; DROP TABLE w; END $inner$; END $outer$;",
    ].join('\n');
    expect(await findings(script)).toEqual([`${at(script, 'DROP TABLE w')} ban-drop-table`]);
  });

  test('bodies in other languages, and bodies the PL/pgSQL parser rejects, are not looked into', async () => {
    expect(await findings('CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DELETE FROM u $$;')).toEqual([]);
    expect(await findings("DO LANGUAGE plpython3u $$ plpy.execute('DELETE FROM u') $$;")).toEqual([]);
    expect(await findings('DO $$ BEGIN undeclared := 1; DELETE FROM u; END $$;')).toEqual([]);
  });

  test("sqlgen's own version guards are not looked into, and have no findings", async () => {
    const table = { quoted: '"sqlgen_version"', name: 'sqlgen_version', column: 'version_num' };
    const guards = [...postgresqlGuard.lock(table), ...postgresqlGuard.check(table, ['a1', 'b2'])];
    expect(await lintScript(`BEGIN;\n${guards.join('\n')}\nCOMMIT;`, { file: 'm.sql', dialect: 'postgresql' })).toEqual([]);
  });
});

describe('suppression comments name the statement that holds the body', () => {
  const script = (comment: string): string => `SET lock_timeout = '1s';\n${comment}\nDO $$\nBEGIN\n  ${ADD_NOT_NULL};\nEND $$;\nDROP TABLE w;`;

  test('disable-next-line before the DO silences findings inside it, and only those', async () => {
    expect(await findings(script(`-- sqlgen-lint-disable-next-line ${NOT_NULL}`))).toEqual([`7:1 ban-drop-table`]);
    expect(await findings(script('-- sqlgen-lint-disable-next-line ban-drop-table'))).toEqual([`5:34 ${NOT_NULL}`, '7:1 ban-drop-table']);
  });

  test('a disable ... enable range around the DO silences them too', async () => {
    const sql = script('-- sqlgen-lint-disable').replace('END $$;', () => 'END $$;\n-- sqlgen-lint-enable');
    expect(await findings(sql)).toEqual(['8:1 ban-drop-table']);
  });
});

describe('what a body knows of the script', () => {
  test('a DO block runs where it stands: what it creates and sets counts for what follows', async () => {
    const script = [
      "DO $$ BEGIN SET lock_timeout = '1s'; CREATE TABLE t (id int); END $$;",
      `${ADD_NOT_NULL};`,
      'ALTER TABLE u ADD COLUMN d int;',
    ].join('\n');
    expect(await findings(script)).toEqual([]);
  });

  test("a DO block's SET LOCAL ends with the DO outside a transaction, and lasts to COMMIT inside one", async () => {
    const setLocal = "DO $$ BEGIN SET LOCAL lock_timeout = '1s'; END $$;";
    expect(await findings(`${setLocal}\nALTER TABLE u ADD COLUMN d int;`)).toEqual(['2:1 require-lock-timeout']);
    expect(await findings(`BEGIN;\n${setLocal}\nALTER TABLE u ADD COLUMN d int;\nCOMMIT;`)).toEqual([]);
  });

  test("a function's body runs when called: it neither sees nor changes what the script set and created", async () => {
    const script = [
      "SET lock_timeout = '1s';",
      'CREATE TABLE t (id int);',
      `CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ${ADD_NOT_NULL}; CREATE TABLE u (id int); END $$;`,
      'ALTER TABLE u ADD COLUMN d int NOT NULL;',
    ].join('\n');
    expect(await findings(script)).toEqual([
      `${at(script, 'ALTER TABLE t')} require-lock-timeout`,
      `${at(script, 'NOT NULL')} ${NOT_NULL}`,
      `${at(script, 'NOT NULL', 2)} ${NOT_NULL}`,
    ]);
  });

  test('a body always runs in a transaction, where PostgreSQL refuses CREATE INDEX CONCURRENTLY', async () => {
    const script = "SET lock_timeout = '1s';\nDO $$ BEGIN CREATE INDEX CONCURRENTLY t_c ON t (c); END $$;";
    expect(await findings(script)).toEqual([`${at(script, 'CREATE INDEX')} ban-concurrent-index-creation-in-transaction`]);
    const db = await freshPglite();
    await db.exec('CREATE TABLE t (c int)');
    await expect(runPsqlScript(db, script)).rejects.toThrow('CREATE INDEX CONCURRENTLY cannot be executed from a function');
    await db.close();
  });
});

describe('a body is parsed again only when it may hold a statement to read', () => {
  /** Every PL/pgSQL statement that is not SQL, in a function with a cursor, a record and an array to use. */
  const PLPGSQL_ONLY = [
    'n := 1; n = n + 1; NEW.note := coalesce(NEW.note, \'\') || \';\'; RETURN NEW;',
    "IF n > 1 THEN RAISE NOTICE 'big %', n; ELSIF n < 0 THEN NULL; ELSE ASSERT n = 1, 'one'; END IF;",
    'CASE n WHEN 1 THEN n := 2; ELSE n := 3; END CASE;',
    'LOOP EXIT WHEN n > 3; n := n + 1; CONTINUE WHEN n = 2; END LOOP; WHILE n < 9 LOOP n := n + 1; END LOOP;',
    'FOR i IN 1..3 LOOP PERFORM pg_sleep(0); END LOOP; FOREACH n IN ARRAY a LOOP NULL; END LOOP;',
    'CALL p(1); OPEN c; FETCH c INTO r; MOVE c; CLOSE c; GET DIAGNOSTICS n = ROW_COUNT;',
    'BEGIN n := 1 / 0; EXCEPTION WHEN division_by_zero THEN RETURN NULL; END;',
  ];
  const KEPT = ['SELECT 1 INTO n', 'UPDATE t SET c = 1', 'CREATE TABLE u (id int)', 'ALTER TABLE t ADD COLUMN d int', "EXECUTE 'DROP TABLE t'", 'COMMIT', 'WITH x AS (SELECT 1) DELETE FROM t', 'TRUNCATE t', 'LOCK TABLE t'];
  const fn = (body: string): string => `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE n int := 0; a int[] := '{1}'; r record; c CURSOR FOR SELECT 1; BEGIN ${body} RETURN NULL; END $$;`;

  test('PostgreSQL\'s PL/pgSQL parser finds no statement to read in a body of PL/pgSQL statements alone', async () => {
    const { loadModule, parsePlPgSQLSync } = await import('libpg-query');
    await loadModule();
    for (const body of PLPGSQL_ONLY) {
      const tree = JSON.stringify(parsePlPgSQLSync(fn(body)));
      expect(tree, body).not.toMatch(/PLpgSQL_stmt_(?:execsql|dynexecute|commit|rollback)/);
      expect(mayHoldStatements(body), body).toBe(false);
    }
  });

  test('each kind of statement the reader keeps has a word that marks its body', () => {
    for (const statement of KEPT) expect(mayHoldStatements(`BEGIN ${statement}; END`), statement).toBe(true);
  });
});
