import { describe, expect, test } from 'vitest';
import { lintScript } from '../../src/lint/engine.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

const CONCURRENT = 'CREATE INDEX CONCURRENTLY orders_shop ON orders (shop_id);';
const IN_TRANSACTION = 'ban-concurrent-index-creation-in-transaction';

async function ruleIds(sql: string, assumeInTransaction: boolean): Promise<string[]> {
  return (await lintScript(sql, { file: 'm.sql', dialect: 'postgresql', assumeInTransaction })).map((finding) => finding.ruleId);
}

describe('--assume-in-transaction: a file a tool wraps in a transaction', () => {
  test('its statements run inside the transaction until an explicit COMMIT ends it', async () => {
    expect(await ruleIds(CONCURRENT, false)).not.toContain(IN_TRANSACTION);
    expect(await ruleIds(CONCURRENT, true)).toContain(IN_TRANSACTION);
    expect(await ruleIds(`COMMIT;\n${CONCURRENT}`, true)).not.toContain(IN_TRANSACTION);
  });

  test('the lint flag sets it for SQL files and standard input, and refuses it for revisions', async () => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }), 'm.sql': `${CONCURRENT}\n`, 'revisions/.keep': '' });
    const linted = await runCli(['lint', 'm.sql', '--assume-in-transaction', '--json', '--fail-on', 'none'], root);
    expect((JSON.parse(linted.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toContain(IN_TRANSACTION);
    const revisions = await runCli(['lint', '--assume-in-transaction'], root);
    expect(revisions.exitCode).toBe(2);
    expect(revisions.stderr).toContain('--assume-in-transaction is for SQL files and standard input');
  });
});
