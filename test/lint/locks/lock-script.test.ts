import { describe, expect, test } from 'vitest';
import { lockScript } from '../../../src/lint/locks/lock-script.js';

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
