import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintBundledScripts } from '../../src/bundle/bundle-lint.js';
import type { Manifest } from '../../src/bundle/manifest.js';
import { lockScript } from '../../src/lint/locks/lock-script.js';
import type { Revision } from '../../src/revisions/types.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { copyFixture, REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';

const LINT_FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lint');
const manifestOf = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;
const readmeOf = (folder: string) => readFileSync(path.join(folder, 'README.md'), 'utf8');

describe.concurrent('bundles are linted', () => {
  test('an error finding stops the bundle, named in the bundled file, and output/ stays as it was', async () => {
    const root = copyFixture(LINT_FIXTURE);
    const before = snapshotTree(root);
    const result = await runCli(['bundle', '--no-rehearse', '--name', 'b'], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("the bundle's scripts have 1 lint error(s):\n  revisions/0003_bbbb0003_email_required.up.sql:26:3: ban-set-not-null ");
    expect(result.stderr).toContain('--allow-lint-errors');
    expect(snapshotTree(root)).toEqual(before);
  });

  test('--allow-lint-errors writes it, and the manifest and the summary say so; verify --rebuild agrees', async () => {
    const root = copyFixture(LINT_FIXTURE);
    const result = await runCli(['bundle', '--no-rehearse', '--name', 'b', '--allow-lint-errors'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('lint: 1 error(s), 1 warning(s), 0 note(s); errors let through by --allow-lint-errors');
    const folder = path.join(root, 'output/b');
    const { lint } = manifestOf(folder);
    expect(lint.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(lint.errorsAllowed).toBe(true);
    expect(lint.findings.map(({ revision, ruleId, file, line }) => `${revision} ${ruleId} ${file}:${line}`)).toEqual([
      'bbbb0002 ban-drop-column revisions/0002_bbbb0002_drop_legacy.up.sql:15',
      'bbbb0003 ban-set-not-null revisions/0003_bbbb0003_email_required.up.sql:26',
    ]);
    const readme = readmeOf(folder);
    expect(readme).toContain('**Bundled with `--allow-lint-errors`:**');
    expect(readme).toContain('### What locks tables\n\n| where | severity | rule | finding |\n| --- | --- | --- | --- |\n| `revisions/0003_bbbb0003_email_required.up.sql:26` | error | `ban-set-not-null` |');
    expect(readme).toContain('### What destroys data');
    // The line in the manifest is the line of the bundled file.
    expect(readFileSync(path.join(folder, 'revisions/0003_bbbb0003_email_required.up.sql'), 'utf8').split('\n')[25]).toBe('  ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;');
    const verified = await runCli(['verify', 'output/b', '--rebuild'], root);
    expect(verified.exitCode, verified.stdout + verified.stderr).toBe(0);
  });

  test('the example bundle records its warnings without letting errors through', async () => {
    const root = copyExampleProject();
    expect((await runCli(['bundle', '--no-rehearse', '--name', 'e'], root)).exitCode).toBe(0);
    const folder = path.join(root, 'output/e');
    expect(manifestOf(folder).lint).toMatchObject({ counts: { error: 0, warning: 1, info: 1 }, errorsAllowed: false });
    expect(readmeOf(folder)).toContain('`require-lock-timeout`');
    expect(readmeOf(folder)).not.toContain('--allow-lint-errors');
  });
});

describe.concurrent('suppressions travel with the bundle', () => {
  test('findings a revision suppressed with lintDisable: the manifest and README show them as suppressed, and `lint .` in the bundle agrees', async () => {
    const root = copyFixture(LINT_FIXTURE);
    const sqlRevision = path.join(root, 'revisions/bbbb0003_email_required.sql');
    writeFileSync(sqlRevision, readFileSync(sqlRevision, 'utf8').replace('-- sqlgen:message email required\n', '-- sqlgen:message email required\n-- sqlgen:lint-disable ban-set-not-null\n'));
    const result = await runCli(['bundle', '--no-rehearse', '--name', 'b'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    const folder = path.join(root, 'output/b');
    const manifest = manifestOf(folder);
    expect(manifest.lint.counts.error).toBe(0);
    expect(manifest.revisions.map((revision) => revision.lintDisable ?? [])).toEqual([[], [], ['ban-set-not-null'], ['ban-drop-table', 'require-lock-timeout', 'require-statement-timeout']]);
    expect(manifest.lint.suppressed?.map(({ revision, ruleId, file, line }) => `${revision} ${ruleId} ${file}:${line}`)).toEqual([
      'bbbb0003 ban-set-not-null revisions/0003_bbbb0003_email_required.up.sql:26',
      'bbbb0004 ban-drop-table revisions/0004_bbbb0004_drop_audit_log.up.sql:13',
      'bbbb0004 require-lock-timeout revisions/0004_bbbb0004_drop_audit_log.up.sql:13',
      'bbbb0004 require-statement-timeout revisions/0004_bbbb0004_drop_audit_log.up.sql:13',
    ]);
    const readme = readmeOf(folder);
    expect(readme).toContain('### Suppressed by the revisions');
    expect(readme).toContain('| `revisions/0003_bbbb0003_email_required.up.sql:26` | error | `ban-set-not-null` | `bbbb0003` (`revisions/bbbb0003_email_required.sql`) |');

    const linted = await runCli(['lint', '.'], folder);
    expect(linted.exitCode, linted.stdout + linted.stderr).toBe(0);
    expect(linted.stdout).not.toContain('ban-set-not-null');
    expect(linted.stdout).not.toContain('ban-drop-table');
    expect((await runCli(['verify', 'output/b', '--rebuild'], root)).exitCode).toBe(0);
  });
});

describe('the locks of a bundle', () => {
  const revision = { id: 'aaaa0001', file: 'revisions/aaaa0001_x.sql', lintDisable: [] } as unknown as Revision;
  const text = 'BEGIN;\nCREATE INDEX orders_placed ON orders (placed_at);\nALTER TABLE orders DROP COLUMN note;\nCOMMIT;\n';
  const scripts = [{ revision, file: 'revisions/0001_aaaa0001_x.up.sql', script: { text, placements: [] } }];

  test('are read in the lint walk, each file as `lint --locks` reads it', async () => {
    const { lint, locks } = await lintBundledScripts(scripts, { dialect: 'postgresql', allowErrors: true });
    expect(lint.findings.length).toBeGreaterThan(0);
    expect(locks).toEqual([await lockScript(text, { file: 'revisions/0001_aaaa0001_x.up.sql', dialect: 'postgresql' })]);
  });

  test('are not read for a dialect without a lock model', async () => {
    expect((await lintBundledScripts(scripts, { dialect: 'sqlite', allowErrors: true })).locks).toBeUndefined();
  });
});
