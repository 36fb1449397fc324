import { describe, expect, test } from 'vitest';
import { lintScript } from '../../../src/lint/engine.js';
import { lockCollector, lockScript } from '../../../src/lint/locks/lock-script.js';

/** `line:column object mode | note` for each lock of a PostgreSQL script. */
async function locks(sql: string): Promise<string[]> {
  return (await lockScript(sql, { file: 'up.sql', dialect: 'postgresql' })).map((entry) => `${entry.location.line}:${entry.location.column} ${entry.object} ${entry.mode} | ${entry.note ?? ''}`);
}

describe('the lock report of a DO block', () => {
  test('lists the locks of the statements it reads, where they stand in the file, after the block', async () => {
    const sql = ['DO $body$', 'BEGIN', '  ALTER TABLE orders ADD COLUMN note text;', "  UPDATE customers SET name = 'x' WHERE id = 1;", "  EXECUTE 'DROP TABLE ' || 'old';", 'END $body$;'].join('\n');
    expect(await locks(sql)).toEqual([
      '1:1 what the block does unknown | its statements follow; statements it builds at run time, and what the functions it calls do, are not shown',
      '3:3 orders ACCESS EXCLUSIVE | in the DO block above',
      '4:3 customers ROW EXCLUSIVE | in the DO block above',
    ]);
  });

  test("follows the script through the block: a table the block creates is new to everyone else", async () => {
    const sql = 'DO $$ BEGIN CREATE TABLE scratch (a int); END $$;\nCREATE INDEX scratch_a ON scratch (a);';
    expect((await locks(sql)).at(-1)).toMatch(/^2:1 scratch SHARE \| .*created earlier in this script/);
  });

  test('a block it cannot read stays unknown, with no claim that its statements are listed', async () => {
    expect(await locks("DO LANGUAGE plperl $$ print 'x' $$;")).toEqual(['1:1 what the block does unknown | sqlgen does not follow the code of a DO block']);
  });
});

describe('the lock report read off the linter walk', () => {
  /** A DO block, a function whose body holds statements and a DO block of its own, and a statement after them. */
  const SQL = [
    'CREATE TABLE orders (id int);',
    'DO $$ BEGIN ALTER TABLE orders ADD COLUMN note text; END $$;',
    'CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $f$',
    'BEGIN',
    '  DELETE FROM customers;',
    "  DO 'BEGIN ALTER TABLE customers DROP COLUMN name; END';",
    'END $f$;',
    'CREATE INDEX orders_id ON orders (id);',
  ].join('\n');

  test("gives what lockScript gives: a function body's statements, run when called, are not among them", async () => {
    const collector = lockCollector({ dialect: 'postgresql' })!;
    const findings = await lintScript(SQL, { file: 'up.sql', dialect: 'postgresql' }, collector.observe);
    expect(findings.length).toBeGreaterThan(0);
    expect(collector.entries).toEqual(await lockScript(SQL, { file: 'up.sql', dialect: 'postgresql' }));
    expect(collector.entries.map((entry) => entry.object)).not.toContain('customers');
  });

  test('there is none for a dialect without a lock model', () => {
    expect(lockCollector({ dialect: 'sqlite' })).toBeUndefined();
  });
});
