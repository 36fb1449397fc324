import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { configuredLint } from '../../src/lint/configured-lint.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

describe('lint.mysqlVersion and lint.sqlServerEdition', () => {
  test('the config sets them, with defaults for what it leaves out', () => {
    const configured = (lint: object) => configuredLint(loadConfig({ cwd: tempProject({ 'sqlgen.config.json': JSON.stringify({ lint }) }), env: {}, flags: {} }));
    expect(configured({ mysqlVersion: 'mariadb-10.11', sqlServerEdition: 'standard' })).toMatchObject({ mysqlVersion: 'mariadb-10.11', sqlServerEdition: 'standard', postgresqlVersion: 15 });
    expect(configured({})).toMatchObject({ mysqlVersion: 'mysql-8.4', sqlServerEdition: 'enterprise' });
  });

  test('a value that names no server is an error naming the config file and the setting', async () => {
    for (const lint of [{ mysqlVersion: 'mysql8' }, { mysqlVersion: 'percona-8.0' }, { sqlServerEdition: 'express' }]) {
      const wrong = await runCli(['lint', 'm.sql'], tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'mysql', lint }), 'm.sql': 'SELECT 1;\n' }));
      expect(wrong.exitCode).toBe(2);
      expect(wrong.stderr).toContain('sqlgen.config.json');
      expect(wrong.stderr).toContain(Object.keys(lint)[0]);
    }
  });

  test('the flags take the same values and refuse others', async () => {
    const project = tempProject({ 'm.sql': 'SELECT 1;\n' });
    const lint = (...flags: string[]) => runCli(['lint', 'm.sql', '--dialect', 'mysql', ...flags], project);
    expect((await lint('--mysql-version', 'mariadb-11.4', '--sql-server-edition', 'standard')).exitCode).toBe(0);
    const badServer = await lint('--mysql-version', 'mariadb');
    expect(badServer.exitCode).toBe(2);
    expect(badServer.stderr).toContain('mariadb-<version>');
    expect((await lint('--sql-server-edition', 'express')).exitCode).toBe(2);
  });
});
