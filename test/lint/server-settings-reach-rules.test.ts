import { expect, test } from 'vitest';
import { lintScript } from '../../src/lint/engine.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

test('lint.mysqlVersion and lint.sqlServerEdition reach the rules; the flags override the config', async () => {
  const ids = async (sql: string, dialect: 'mysql' | 'mssql', settings: object) => (await lintScript(sql, { file: 'm.sql', dialect, ...settings })).map((finding) => finding.ruleId);
  const drop = 'ALTER TABLE orders DROP PRIMARY KEY;';
  expect(await ids(drop, 'mysql', {})).toContain('ban-alter-algorithm-copy');
  expect(await ids(drop, 'mysql', { mysqlVersion: 'mariadb-11.4' })).not.toContain('ban-alter-algorithm-copy');
  const index = 'CREATE INDEX ix_ref ON orders (ref);';
  expect(await ids(index, 'mssql', {})).toContain('require-online-index-operation');
  expect(await ids(index, 'mssql', { sqlServerEdition: 'standard' })).not.toContain('require-online-index-operation');
  const project = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'mysql', lint: { mysqlVersion: 'mariadb-11.4' } }), 'm.sql': `${drop}\n` });
  const ruleIds = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId);
  expect(ruleIds((await runCli(['lint', 'm.sql', '--json', '--fail-on', 'none'], project)).stdout)).not.toContain('ban-alter-algorithm-copy');
  expect(ruleIds((await runCli(['lint', 'm.sql', '--json', '--fail-on', 'none', '--mysql-version', 'mysql-8.0.36'], project)).stdout)).toContain('ban-alter-algorithm-copy');
});
