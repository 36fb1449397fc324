import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFixture, REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { tempProject } from '../helpers/temp-project.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lint');
const DROP = 'ALTER TABLE orders DROP COLUMN note;\n';

describe('sqlgen lint', () => {
  let project: string;
  beforeAll(() => {
    project = copyFixture(FIXTURE);
  });

  test('lints the revisions, prints gcc-style findings, and exits 1 on an error finding', async () => {
    const result = await runCli(['lint'], project);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('revisions/bbbb0003_email_required.sql:19:3: error ban-set-not-null ');
    expect(result.stdout).toContain('revisions/bbbb0002_drop_legacy.ts:10:8: warning ban-drop-column ');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 error, 1 warning in 4 revisions');
    expect(result.stdout).not.toContain('\u001b[');
  });

  test('--fail-on decides the exit code', async () => {
    expect((await runCli(['lint', '--fail-on', 'none'], project)).exitCode).toBe(0);
    expect((await runCli(['lint', '--from', 'bbbb0003', '--fail-on', 'error'], project)).exitCode).toBe(0);
    expect((await runCli(['lint', '--from', 'bbbb0003', '--fail-on', 'info'], project)).exitCode).toBe(0);
    expect((await runCli(['lint', '--from', 'bbbb0001', '--to', 'bbbb0002', '--fail-on', 'warning'], project)).exitCode).toBe(1);
  });

  test('the config sets rule severities and the threshold', async () => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql', lint: { failOn: 'warning', rules: { 'ban-drop-column': 'off' } } }), 'm.sql': DROP });
    const result = await runCli(['lint', 'm.sql', '--format', 'json'], root);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string }>; failOn: string };
    expect(report.failOn).toBe('warning');
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['prefer-robust-statements', 'require-lock-timeout', 'require-statement-timeout']);
    expect(result.exitCode).toBe(1);
  });

  test('reads standard input with -, in the dialect given', async () => {
    const result = await runCli(['lint', '--dialect', 'postgresql', '-', '--format', 'github'], tempProject(), {}, DROP);
    expect(result.stdout).toContain('::warning file=<stdin>,line=1,col=1,title=ban-drop-column::');
    expect(result.exitCode).toBe(0);
  });

  test('SQL files need a dialect; --json prints the report', async () => {
    const root = tempProject({ 'm.sql': DROP });
    const missing = await runCli(['lint', 'm.sql'], root);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('m.sql: which dialect is this SQL?');
    const result = await runCli(['lint', 'm.sql', '--dialect', 'postgresql', '--json'], root);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; location: object }>; counts: object };
    expect(report.findings[0]).toMatchObject({ ruleId: 'ban-drop-column', location: { file: 'm.sql', line: 1, column: 1 } });
    expect(report.counts).toEqual({ error: 0, warning: 3, info: 1 });
  });

  test('SARIF output goes to stdout', async () => {
    const result = await runCli(['lint', '--format', 'sarif', '--fail-on', 'none'], project);
    const log = JSON.parse(result.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((finding) => finding.ruleId)).toEqual(['ban-drop-column', 'ban-set-not-null']);
  });

  test('a bundle folder is linted as written, with the dialect from its manifest', async () => {
    const example = copyExampleProject();
    const bundle = await runCli(['bundle', '--no-rehearse', '--from', 'base', '--to', 'heads', '--dialect', 'postgresql', '--name', 'b'], example);
    expect(bundle.exitCode, bundle.stderr).toBe(0);
    const result = await runCli(['lint', 'output/b', '--format', 'json'], example);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; location: { file: string } }>; scanned: string };
    expect(report.scanned).toBe('1 input');
    expect(report.findings.map((finding) => finding.ruleId)).toContain('require-lock-timeout');
    for (const finding of report.findings) expect(finding.location.file).toMatch(/^output\/b\/revisions\/000\d_[0-9a-f]{12}_[a-z_-]+\.up\.sql$/);
    // The example's config says postgresql; backquoted MySQL would not parse as PostgreSQL.
    expect((await runCli(['bundle', '--from', 'base', '--to', 'heads', '--dialect', 'mysql', '--name', 'm'], example)).exitCode).toBe(0);
    const mysql = JSON.parse((await runCli(['lint', 'output/m', '--format', 'json'], example)).stdout) as { findings: Array<{ ruleId: string }> };
    expect(mysql.findings.map((finding) => finding.ruleId)).not.toContain('parse-error');
  });

  test('bad input: an unreadable file or files with a range exit 2 and write nothing', async () => {
    const before = snapshotTree(project);
    const missing = await runCli(['lint', 'nope.sql', '--dialect', 'mysql'], project);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nope.sql: cannot read it (ENOENT)');
    const both = await runCli(['lint', 'a.sql', '--from', 'base'], project);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('give either SQL files/bundles or --from/--to, not both');
    expect(snapshotTree(project)).toEqual(before);
  });

  test('--list-rules lists every rule with its dialects', async () => {
    const result = await runCli(['lint', '--list-rules', '--json'], project);
    const { rules } = JSON.parse(result.stdout) as { rules: Array<{ id: string; dialects: string[] | 'all' }> };
    expect(rules.find((rule) => rule.id === 'ban-drop-column')?.dialects).toContain('postgresql');
    expect(rules.find((rule) => rule.id === 'parse-error')?.dialects).toBe('all');
  });
});
