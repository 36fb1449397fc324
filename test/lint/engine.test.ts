import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { lintScript, type LintOptions } from '../../src/lint/engine.js';

/** require-statement-timeout and prefer-robust-statements would add a finding to nearly every script here. */
const POSTGRESQL: LintOptions = { file: 'db/up.sql', dialect: 'postgresql', rules: { 'require-statement-timeout': 'off', 'prefer-robust-statements': 'off' } };

async function findings(sql: string, options: Partial<LintOptions> = {}): Promise<string[]> {
  const found = await lintScript(sql, { ...POSTGRESQL, ...options });
  return found.map((finding) => `${finding.location.line}:${finding.location.column} ${finding.severity} ${finding.ruleId}`);
}

describe('lintScript', () => {
  test('a finding has the rule, its help, and the file position of what it is about', async () => {
    const [finding] = await lintScript("SET lock_timeout = '1s';\n\n  ALTER TABLE orders\n    ALTER COLUMN total TYPE bigint;", POSTGRESQL);
    expect(finding).toEqual({
      ruleId: 'ban-column-type-change',
      severity: 'error',
      message: 'Changing the type of orders.total may rewrite the table while blocking all reads and writes of it.',
      help: 'Add a new column, backfill it in batches, move clients to it, then drop the old one.',
      location: { file: 'db/up.sql', line: 4, column: 18 },
    });
  });

  test('positions inside a statement count characters, though the parser counts UTF-8 bytes', async () => {
    const statement = 'ALTER TABLE "Bestellungen für 😀" ADD COLUMN token uuid DEFAULT gen_random_uuid();';
    expect(await findings(`SET lock_timeout = '1s';\n${statement}`)).toEqual([`2:${statement.indexOf('token') + 1} error ban-add-column-volatile-default`]);
  });

  test('findings are sorted by position, then rule id', async () => {
    expect(await findings('UPDATE orders SET a = 1;\nALTER TABLE orders DROP COLUMN b, ALTER COLUMN c SET NOT NULL;')).toEqual([
      '1:1 warning require-where-in-update-delete',
      '2:1 warning ban-drop-column',
      '2:1 error ban-set-not-null',
      '2:1 warning require-lock-timeout',
    ]);
  });

  test('a statement that does not parse is reported where the parser stopped, and the others are still checked', async () => {
    const found = await lintScript('ALTER TABLE orders ADD COLUMN;\nTRUNCATE orders CASCADE;', POSTGRESQL);
    expect(found.map((finding) => [finding.ruleId, finding.location.line, finding.location.column])).toEqual([
      ['parse-error', 1, 30],
      ['ban-truncate-cascade', 2, 1],
      ['require-lock-timeout', 2, 1],
    ]);
    expect(found[0]?.message).toBe('Could not parse this statement (syntax error at end of input), so no rule checked it.');
  });

  test('transaction control statements are not linted', async () => {
    expect(await findings('BEGIN;\nCOMMIT;\nSTART TRANSACTION;\nROLLBACK;')).toEqual([]);
  });

  test('rules override severities, and off silences a rule', async () => {
    const sql = 'TRUNCATE orders CASCADE;';
    expect(await findings(sql, { rules: { 'ban-truncate-cascade': 'error', 'require-lock-timeout': 'off', 'require-statement-timeout': 'off' } })).toEqual(['1:1 error ban-truncate-cascade']);
    expect(await findings('SELEC 1;', { rules: { 'parse-error': 'info' } })).toEqual(['1:1 info parse-error']);
  });

  test('an unknown rule in rules is a ConfigError that lists the known ones', async () => {
    const failure = lintScript('select 1;', { ...POSTGRESQL, rules: { 'ban-drop-colum': 'off' } });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow('Unknown lint rule(s) in rules: ban-drop-colum');
  });

  test('other dialects run only the rules that have a check for them', async () => {
    expect(await findings('TRUNCATE orders CASCADE;', { dialect: 'mysql' })).toEqual([]);
    expect(await findings('DROP TABLE orders;', { dialect: 'mysql' })).toEqual(['1:12 warning ban-drop-table']);
  });
});

describe('suppression comments', () => {
  const DROP = "SET lock_timeout = '1s';\n";

  test('disable-next-line silences the listed rules on the next statement only', async () => {
    const sql = `${DROP}-- sqlgen-lint-disable-next-line ban-drop-table, ban-truncate-cascade -- retired in v2\n\nDROP TABLE orders;\nDROP TABLE customers;`;
    expect(await findings(sql)).toEqual(['5:1 warning ban-drop-table']);
  });

  test('disable-next-line covers findings anywhere in a multi-line statement', async () => {
    const sql = `${DROP}/* sqlgen-lint-disable-next-line ban-column-type-change */\nALTER TABLE orders\n  ALTER COLUMN total TYPE bigint;`;
    expect(await findings(sql)).toEqual([]);
  });

  test('disable ... enable silences a range; without ids it means every rule, and the last directive wins', async () => {
    const sql = [
      DROP,
      '-- sqlgen-lint-disable ban-drop-table',
      'DROP TABLE a;',
      '-- sqlgen-lint-disable',
      'TRUNCATE b CASCADE;',
      '-- sqlgen-lint-enable',
      'DROP TABLE c;',
      'TRUNCATE d CASCADE;',
      '-- sqlgen-lint-enable ban-drop-table',
      'DROP TABLE e;',
    ].join('\n');
    expect(await findings(sql)).toEqual(['8:1 warning ban-drop-table', '9:1 warning ban-truncate-cascade', '11:1 warning ban-drop-table']);
  });

  test('a disable without an enable runs to the end of the script; other comments are ignored', async () => {
    expect(await findings(`${DROP}-- sqlgen-lint-disable ban-drop-table\n-- sqlgen-lint-disabled ban-truncate-cascade\nDROP TABLE a;\nTRUNCATE b CASCADE;`)).toEqual([
      '5:1 warning ban-truncate-cascade',
    ]);
  });

  test('parse errors can be suppressed like rules', async () => {
    expect(await findings('-- sqlgen-lint-disable-next-line parse-error\n\\set ON_ERROR_STOP on\n')).toEqual([]);
  });
});
