import { describe, expect, test } from 'vitest';
import { lintScript } from '../../../src/lint/engine.js';
import { describeRule } from './rule-cases.js';

const RULE = 'ban-uncommitted-transaction';
const UPDATE = "UPDATE orders SET note = '' WHERE id = 1;";

describeRule(RULE, {
  postgresql: {
    bad: [`BEGIN;\n${UPDATE}`, `BEGIN;\n${UPDATE}\nCOMMIT;\nSTART TRANSACTION;\n${UPDATE}`, `BEGIN;\nDO $$ BEGIN ${UPDATE} COMMIT; END $$;`],
    good: [`BEGIN;\n${UPDATE}\nCOMMIT;`, `BEGIN;\n${UPDATE}\nROLLBACK;`, `BEGIN;\n${UPDATE}\nEND;`, UPDATE, `BEGIN;\nBEGIN;\nCOMMIT;`],
  },
  mysql: {
    bad: [`START TRANSACTION;\n${UPDATE}`],
    good: [`START TRANSACTION;\n${UPDATE}\nCOMMIT;`],
  },
  sqlite: {
    bad: [`BEGIN IMMEDIATE;\n${UPDATE}`],
    good: [`BEGIN IMMEDIATE;\n${UPDATE}\nEND;`],
  },
});

async function findings(sql: string, assumeInTransaction = false): Promise<string[]> {
  const found = await lintScript(sql, { file: 'm.sql', dialect: 'postgresql', assumeInTransaction });
  return found.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.location.line}:${finding.location.column}`);
}

describe(RULE, () => {
  test('the finding points at the BEGIN that opened the transaction left open', async () => {
    expect(await findings(`BEGIN;\nCOMMIT;\n\n  BEGIN;\n${UPDATE}\nBEGIN;\n${UPDATE}`)).toEqual(['4:3']);
  });

  test('a file a tool wraps in its own transaction is not checked: the tool commits', async () => {
    expect(await findings(`COMMIT;\nBEGIN;\n${UPDATE}`, true)).toEqual([]);
  });
});
