import { describe, expect, test } from 'vitest';
import { lockScript } from '../../../src/lint/locks/lock-script.js';

/** `object mode blocks effect` for each lock of the script, on the default server (MySQL 8.4). */
async function locks(sql: string): Promise<string[]> {
  return (await lockScript(sql, { file: 'up.sql', dialect: 'mysql' })).map((entry) => `${entry.object} ${entry.mode} / ${entry.blocks} / ${entry.effect}`);
}

describe('the MySQL lock report: each change with the ALGORITHM and LOCK it gets', () => {
  test('by default, per change', async () => {
    expect(
      await locks('ALTER TABLE orders ADD COLUMN note text, ADD INDEX ix_ref (ref), ADD FULLTEXT INDEX ft_note (note), DROP PRIMARY KEY, MODIFY ref bigint;'),
    ).toEqual([
      'orders ALGORITHM=INSTANT, LOCK=NONE / nothing / none',
      'orders ALGORITHM=INPLACE, LOCK=NONE / nothing / scans',
      'orders ALGORITHM=INPLACE, LOCK=SHARED / writes / may rewrite',
      'orders ALGORITHM=COPY, LOCK=SHARED / writes / rewrites',
      'orders ALGORITHM=COPY, LOCK=SHARED / writes / may rewrite',
    ]);
  });

  test('as the statement asks, or failing where the server refuses it', async () => {
    expect(await locks('ALTER TABLE orders ADD COLUMN note text, ALGORITHM=COPY;')).toEqual(['orders ALGORITHM=COPY, LOCK=SHARED / writes / rewrites']);
    expect(await locks('ALTER TABLE orders DROP PRIMARY KEY, ALGORITHM=INPLACE;')).toEqual(['orders ALGORITHM=INPLACE / nothing / none']);
    const [refused] = await lockScript('ALTER TABLE orders ADD FULLTEXT INDEX ft_note (note), LOCK=NONE;', { file: 'up.sql', dialect: 'mysql' });
    expect(refused?.note).toContain('the statement fails: the server refuses LOCK=NONE for this change (it needs SHARED)');
  });

  test('the script decides a foreign key and a new table; a change the manuals do not cover is unknown', async () => {
    const fk = 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);';
    expect(await locks(fk)).toEqual(['orders ALGORITHM=COPY, LOCK=SHARED / writes / rewrites']);
    expect(await locks(`SET foreign_key_checks = 0;\n${fk}`)).toEqual(['orders ALGORITHM=INPLACE, LOCK=NONE / nothing / none']);
    const [created] = await lockScript('CREATE TABLE scratch (a int);\nCREATE INDEX ix_a ON scratch (a);', { file: 'up.sql', dialect: 'mysql' });
    expect(created?.note).toContain('created earlier in this script');
    expect(await locks("ALTER TABLE orders COMMENT = 'x';")).toEqual(['orders unknown / unknown / unknown']);
    expect(await locks('SELECT 1; UPDATE orders SET ref = 1;')).toEqual([]);
  });

  test('each entry cites the manual', async () => {
    const [entry] = await lockScript('ALTER TABLE orders DROP COLUMN note;', { file: 'up.sql', dialect: 'mysql' });
    expect(entry?.note).toContain('MySQL 8.0/8.4 Reference Manual, 17.12.1 Online DDL Operations: Column Operations, Dropping a column');
  });
});

describe('the server the lock report is for', () => {
  test('follows mysqlVersion: MariaDB 11.2+ copies a table without blocking writes', async () => {
    const sql = 'ALTER TABLE orders DROP PRIMARY KEY;';
    const [mysql] = await lockScript(sql, { file: 'up.sql', dialect: 'mysql' });
    const [mariadb] = await lockScript(sql, { file: 'up.sql', dialect: 'mysql', mysqlVersion: 'mariadb-11.4' });
    expect(mysql).toMatchObject({ mode: 'ALGORITHM=COPY, LOCK=SHARED', blocks: 'writes' });
    expect(mariadb).toMatchObject({ mode: 'ALGORITHM=COPY, LOCK=NONE', blocks: 'nothing' });
  });
});
