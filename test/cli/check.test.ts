import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { LintReport } from '../../src/lint/report/lint-report.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { runCli } from '../helpers/run-cli.js';

const ORDERS = 'revisions/3f2a9c1b7d4e_add_orders.ts';
const report = (stdout: string) => JSON.parse(stdout) as LintReport;
const ids = (result: LintReport) => result.findings.map((finding) => finding.ruleId);

describe.concurrent('sqlgen check', () => {
  test('the example project passes: its sum matches and its only findings are below error', async () => {
    const result = await runCli(['check', '--json'], copyExampleProject());
    expect(result.exitCode).toBe(0);
    expect(ids(report(result.stdout))).toEqual(['require-lock-timeout', 'require-statement-timeout']);
  });

  test('an edited, a removed and an added revision fail it, each named with what happened', async () => {
    const root = copyExampleProject();
    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    rmSync(path.join(root, 'revisions/7c9e2b4a1d30_merge_loyalty_and_reporting.ts'));
    writeFileSync(path.join(root, 'revisions/9999aaaa_extra.sql'), '-- sqlgen:id 9999aaaa\n-- sqlgen:parents 6e0a4c2d7f18\n-- sqlgen:upgrade\nSELECT 1;\n');
    const result = await runCli(['check', '--json', '--fail-on', 'error'], root);
    expect(result.exitCode).toBe(1);
    const findings = report(result.stdout).findings.map((finding) => `${finding.ruleId} ${finding.location.file}`);
    expect(findings).toEqual(expect.arrayContaining([`revision-edited ${ORDERS}`, 'revision-removed revisions/sqlgen.sum', 'revision-added revisions/9999aaaa_extra.sql', 'multiple-heads revisions/5b8d1f3e9a27_add_loyalty_points.ts']));
    const text = await runCli(['check'], root);
    expect(text.stdout).toContain(`${ORDERS}:1:1: error revision-edited `);
  });

  test('several heads are accepted when the config allows them', async () => {
    const root = copyExampleProject();
    rmSync(path.join(root, 'revisions/7c9e2b4a1d30_merge_loyalty_and_reporting.ts'));
    expect((await runCli(['hash'], root)).exitCode).toBe(0);
    expect(ids(report((await runCli(['check', '--json'], root)).stdout))).toContain('multiple-heads');
    writeFileSync(path.join(root, 'sqlgen.config.json'), JSON.stringify({ dialect: 'postgresql', allowMultipleHeads: true }));
    const allowed = await runCli(['check', '--json'], root);
    expect(ids(report(allowed.stdout))).not.toContain('multiple-heads');
    expect(allowed.exitCode).toBe(0);
  });

  test('SARIF describes the integrity problems as rules too', async () => {
    const root = copyExampleProject();
    appendFileSync(path.join(root, ORDERS), '// an afterthought\n');
    const log = JSON.parse((await runCli(['check', '--format', 'sarif'], root)).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const [run] = log.runs;
    const edited = run!.results.find((result) => result.ruleId === 'revision-edited')!;
    expect(run!.tool.driver.rules[edited.ruleIndex]!.id).toBe('revision-edited');
  });
});
