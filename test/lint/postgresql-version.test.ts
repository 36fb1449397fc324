import { describe, expect, test } from 'vitest';
import { lintScript } from '../../src/lint/engine.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** The findings of `ruleId` for `sql` linted for PostgreSQL `version` (the default when absent). */
async function findings(ruleId: string, sql: string, version?: number): Promise<string[]> {
  const all = await lintScript(sql, { file: 'm.sql', dialect: 'postgresql', ...(version !== undefined && { postgresqlVersion: version }) });
  return all.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.message);
}

const PROVEN = [
  'ALTER TABLE orders ADD CONSTRAINT customer_id_present CHECK (customer_id IS NOT NULL) NOT VALID;',
  'ALTER TABLE orders VALIDATE CONSTRAINT customer_id_present;',
  'ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;',
].join('\n');

describe('lint.postgresqlVersion: findings that depend on the server version follow it', () => {
  test('before PostgreSQL 11, ADD COLUMN with any default but NULL rewrites the table', async () => {
    const constant = 'ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 10;';
    expect(await findings('ban-add-column-volatile-default', constant, 10)).toEqual([
      'Adding orders.status with a default (PostgreSQL 10 writes any default into every row; 11 and later store a constant or stable one in the catalog) rewrites every row while blocking all reads and writes of the table.',
    ]);
    expect(await findings('ban-add-column-volatile-default', constant, 11)).toEqual([]);
    expect(await findings('ban-add-column-volatile-default', constant)).toEqual([]);
    expect(await findings('ban-add-column-volatile-default', 'ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;', 10)).toEqual([]);
  });

  test('from PostgreSQL 12, SET NOT NULL after a validated CHECK (column IS NOT NULL) scans nothing', async () => {
    expect(await findings('ban-set-not-null', PROVEN)).toEqual([]);
    expect(await findings('ban-set-not-null', PROVEN, 12)).toEqual([]);
    expect(await findings('ban-set-not-null', PROVEN, 11)).toEqual([
      'SET NOT NULL on orders.customer_id reads the whole table while blocking all reads and writes of it (a valid CHECK proves the column, but PostgreSQL 11 scans anyway: only 12 and later use it).',
    ]);
  });

  test('a CHECK that is not validated, was dropped, or proves another column does not help', async () => {
    const lines = PROVEN.split('\n');
    expect(await findings('ban-set-not-null', [lines[0], lines[2]].join('\n'))).toHaveLength(1);
    expect(await findings('ban-set-not-null', [lines[0], lines[1], 'ALTER TABLE orders DROP CONSTRAINT customer_id_present;', lines[2]].join('\n'))).toHaveLength(1);
    expect(await findings('ban-set-not-null', PROVEN.replace('ALTER COLUMN customer_id', 'ALTER COLUMN shop_id'))).toHaveLength(1);
    expect(await findings('ban-set-not-null', PROVEN.replace('CHECK (customer_id IS NOT NULL)', 'CHECK (customer_id > 0)'))).toHaveLength(1);
  });

  test('the config sets it, --postgresql-version overrides it, and a version out of range names the config file', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN status text DEFAULT 0;\n';
    const ruleIds = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId);
    const at10 = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql', lint: { postgresqlVersion: 10 } }), 'm.sql': sql });
    expect(ruleIds((await runCli(['lint', 'm.sql', '--json', '--fail-on', 'none'], at10)).stdout)).toContain('ban-add-column-volatile-default');
    expect(ruleIds((await runCli(['lint', 'm.sql', '--json', '--fail-on', 'none', '--postgresql-version', '16'], at10)).stdout)).not.toContain('ban-add-column-volatile-default');
    const plain = tempProject({ 'm.sql': sql });
    expect(ruleIds((await runCli(['lint', 'm.sql', '--dialect', 'postgresql', '--json', '--fail-on', 'none', '--postgresql-version', '10'], plain)).stdout)).toContain('ban-add-column-volatile-default');
    const wrong = await runCli(['lint', 'm.sql'], tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql', lint: { postgresqlVersion: 9 } }), 'm.sql': sql }));
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('sqlgen.config.json');
    expect(wrong.stderr).toContain('postgresqlVersion');
  });
});
