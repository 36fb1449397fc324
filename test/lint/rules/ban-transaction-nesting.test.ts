import { describe, expect, test } from 'vitest';
import { lintScript } from '../../../src/lint/engine.js';
import { freshPglite, runPsqlScript } from '../../helpers/pglite.js';
import { describeRule } from './rule-cases.js';

const RULE = 'ban-transaction-nesting';
const UPDATE = "UPDATE orders SET note = '' WHERE id = 1;";
const DO_COMMIT = `DO $$ BEGIN ${UPDATE} COMMIT; END $$;`;

describeRule(RULE, {
  postgresql: {
    bad: [
      `BEGIN;\n${UPDATE}\nBEGIN;\n${UPDATE}\nCOMMIT;`,
      `START TRANSACTION;\nSTART TRANSACTION;\nCOMMIT;`,
      `${UPDATE}\nCOMMIT;`,
      `BEGIN;\nCOMMIT;\nROLLBACK;`,
      'END;',
      `BEGIN;\n${DO_COMMIT}\nCOMMIT;`,
      `BEGIN;\nDO $$ BEGIN ${UPDATE} ROLLBACK; END $$;\nCOMMIT;`,
    ],
    good: [
      `BEGIN;\n${UPDATE}\nCOMMIT;\nBEGIN;\n${UPDATE}\nROLLBACK;`,
      `BEGIN;\nSAVEPOINT s;\n${UPDATE}\nROLLBACK TO SAVEPOINT s;\nCOMMIT;`,
      DO_COMMIT,
      `BEGIN;\nCREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN ${UPDATE} COMMIT; END $$;\nCOMMIT;`,
      `BEGIN;\nDO $$ BEGIN ${UPDATE} END $$;\nCOMMIT;`,
    ],
  },
  mysql: {
    bad: [`START TRANSACTION;\n${UPDATE}\nBEGIN;\n${UPDATE}\nCOMMIT;`, `${UPDATE}\nCOMMIT;`],
    good: [`START TRANSACTION;\n${UPDATE}\nCOMMIT;\nSTART TRANSACTION;\n${UPDATE}\nCOMMIT;`],
  },
  sqlite: {
    bad: ['BEGIN;\nBEGIN IMMEDIATE;\nCOMMIT;', `${UPDATE}\nEND;`],
    good: [`BEGIN IMMEDIATE;\n${UPDATE}\nEND;`],
  },
});

async function findings(sql: string, assumeInTransaction = false): Promise<string[]> {
  const found = await lintScript(sql, { file: 'm.sql', dialect: 'postgresql', assumeInTransaction });
  return found.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.location.line}:${finding.location.column} ${finding.message}`);
}

describe(RULE, () => {
  test('each misplaced statement is reported where it stands, with what the server does', async () => {
    expect(await findings(`BEGIN;\n${UPDATE}\n  BEGIN;\nCOMMIT;\nCOMMIT;`)).toEqual([
      '3:3 BEGIN while a transaction is already open: PostgreSQL ignores it with a warning, so the next COMMIT also commits what came before it, and the statements after that run outside any transaction.',
      '5:1 COMMIT with no transaction open: PostgreSQL only warns, but the statements before it ran without a transaction, each committed on its own.',
    ]);
  });

  test('with --assume-in-transaction every BEGIN and COMMIT is reported, and a DO block may not commit', async () => {
    expect(await findings(`${UPDATE}\nCOMMIT;\nSTART TRANSACTION;\n${UPDATE}\nCOMMIT;`)).toHaveLength(1);
    const wrapped = await findings(`${UPDATE}\nCOMMIT;\nSTART TRANSACTION;\n${UPDATE}\nCOMMIT;`, true);
    expect(wrapped.map((finding) => finding.split(' in a file')[0])).toEqual(['2:1 COMMIT', '3:1 START TRANSACTION', '5:1 COMMIT']);
    expect(await findings(DO_COMMIT, true)).toEqual([expect.stringMatching(/^1:\d+ COMMIT in a DO block that runs inside a transaction block fails/)]);
    expect(await findings(`BEGIN;\n${UPDATE}\nCOMMIT;`, false)).toEqual([]);
  });

  test('the COMMIT in a DO block is reported at its place in the body', async () => {
    const [finding] = await findings(`BEGIN;\nDO $body$\nBEGIN\n  ${UPDATE}\n  commit;\nEND $body$;\nCOMMIT;`);
    expect(finding).toMatch(/^5:3 COMMIT in a DO block/);
  });

  test('PostgreSQL does as the findings say: a nested BEGIN is ignored, and a DO block in a transaction cannot commit', async () => {
    const db = await freshPglite();
    await db.exec('CREATE TABLE orders (id int, note text); CREATE TABLE audit (id int);');
    await runPsqlScript(db, 'BEGIN;\nINSERT INTO orders VALUES (1);\nBEGIN;\nCOMMIT;\nINSERT INTO audit VALUES (1);\nROLLBACK;');
    expect((await db.query('SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM audit) AS audit')).rows).toEqual([{ orders: 1, audit: 1 }]);
    await expect(runPsqlScript(db, `BEGIN;\n${DO_COMMIT}\nCOMMIT;`)).rejects.toThrow('invalid transaction termination');
    await runPsqlScript(db, 'ROLLBACK;');
    await expect(runPsqlScript(db, DO_COMMIT)).resolves.toBeUndefined();
    await db.close();
  });
});
