import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintRevisionRange } from '../../src/lint/lint-project.js';
import { openProject } from '../../src/project.js';
import { copyFixture, REPO_ROOT } from '../helpers/run-cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lint');

async function lintFixture(root = FIXTURE, range = { from: 'base', to: 'heads' }) {
  const project = await openProject({ cwd: root, env: {}, flags: {} });
  return lintRevisionRange(project, range);
}

describe('linting a revision range', () => {
  test('findings point at the op call in a TypeScript revision, and at the line and column in a SQL revision', async () => {
    const { findings, revisions } = await lintFixture();
    expect(revisions).toBe(4);
    expect(findings.map((finding) => ({ id: finding.ruleId, ...finding.location, statement: finding.statement }))).toEqual([
      // t.dropColumn inside op.alterTable('accounts', ...) on line 10 of the module.
      { id: 'ban-drop-column', file: 'revisions/bbbb0002_drop_legacy.ts', line: 10, column: 8, statement: 'alter table "accounts" drop column "legacy_code";' },
      // After a three-line string literal and a dollar-quoted body holding `;`, indented by two.
      { id: 'ban-set-not-null', file: 'revisions/bbbb0003_email_required.sql', line: 19, column: 3, statement: undefined },
    ]);
  });

  test('a suppression comment in a SQL revision and lintDisable in a module silence their rules', async () => {
    const ids = (await lintFixture()).findings.map((finding) => finding.ruleId);
    expect(ids).not.toContain('require-where-in-update-delete');
    expect(ids).not.toContain('ban-drop-table');
  });

  test('the range limits what is linted', async () => {
    const { findings, revisions } = await lintFixture(FIXTURE, { from: 'bbbb0002', to: 'heads' });
    expect(revisions).toBe(2);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['ban-set-not-null']);
  });

  test('without lintDisable the rules apply; an unknown rule in lintDisable names the revision file', async () => {
    const root = copyFixture(FIXTURE);
    const file = path.join(root, 'revisions/bbbb0004_drop_audit_log.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/  lintDisable: .*\n/, ''));
    expect((await lintFixture(root)).findings.filter((finding) => finding.location.file.endsWith('bbbb0004_drop_audit_log.ts')).map((finding) => finding.ruleId)).toEqual([
      'ban-drop-table',
      'require-lock-timeout',
      'require-statement-timeout',
    ]);
    writeFileSync(file, readFileSync(file, 'utf8').replace("message: 'drop", "lintDisable: ['ban-dropping-tables'],\n  message: 'drop"));
    await expect(lintFixture(root)).rejects.toThrow(/revisions\/bbbb0004_drop_audit_log\.ts: lintDisable names unknown lint rule\(s\): ban-dropping-tables/);
  });
});
