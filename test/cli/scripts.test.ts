import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const golden = (name: string) => readFileSync(path.join(REPO_ROOT, 'test/golden', name), 'utf8');

describe.concurrent('sqlgen upgrade, downgrade and stamp', () => {
  it('upgrade writes the golden script to stdout and progress to stderr', async () => {
    const { exitCode, stdout, stderr } = await runCli(['upgrade', 'base:heads', '--sql', '--dialect', 'mysql'], REPO_ROOT);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(golden('example/mysql.upgrade.sql'));
    expect(stderr).toContain('6 revision(s), mysql');
  });

  it('downgrade and stamp match their golden scripts', async () => {
    expect((await runCli(['downgrade', 'heads:base', '--dialect', 'sqlite'], REPO_ROOT)).stdout).toBe(golden('example/sqlite.downgrade.sql'));
    expect((await runCli(['stamp', 'heads', '--dialect', 'mssql'], REPO_ROOT)).stdout).toBe(golden('example/mssql.stamp.sql'));
  });

  it('--out writes the file and nothing to stdout; --json returns the script and its revisions', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-out-')), 'upgrade.sql');
    const written = await runCli(['upgrade', 'base:heads', '--out', out], REPO_ROOT);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(golden('example/postgresql.upgrade.sql'));
    const json = JSON.parse((await runCli(['upgrade', '3f2a:loyalty', '--json'], REPO_ROOT)).stdout) as { revisions: string[]; sql: string; dialect: string };
    expect(json.revisions).toEqual(['4c5d6e7f8a9b', '5b8d1f3e9a27']);
    expect(json.dialect).toBe('postgresql');
    expect(json.sql).toContain('-- Running upgrade 4c5d6e7f8a9b -> 5b8d1f3e9a27: add loyalty points');
  });

  it('--no-format leaves knex statements on one line', async () => {
    const { stdout } = await runCli(['upgrade', 'base:1a2b', '--no-format'], REPO_ROOT);
    expect(stdout).toContain(`insert into "sqlgen_version" ("version_num") values ('1a2b3c4d5e6f');`);
  });

  it('renders the same bytes in any time zone and locale', async () => {
    const env = { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' };
    const fixture = path.join(REPO_ROOT, 'test/fixtures/compile/values-and-ops');
    const { stdout } = await runCli(['upgrade', 'base:heads'], fixture, env);
    expect(stdout).toBe(golden('values-and-ops/postgresql.upgrade.sql'));
  });
});
