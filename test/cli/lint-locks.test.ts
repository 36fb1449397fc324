import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFixture, REPO_ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lint');
const SCRIPT = 'create index on orders (placed_at);\nalter table orders add column total numeric default 0;\n';

describe('sqlgen lint --locks', () => {
  let project: string;
  beforeAll(() => {
    project = copyFixture(FIXTURE);
  });

  test('prints a table of the locks the revisions take, at the op call or SQL line, and exits 0 where lint would fail', async () => {
    const result = await runCli(['lint', '--locks'], project);
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^where +statement +object +lock +blocks +rewrite\/scan +note$/);
    expect(lines).toContainEqual(expect.stringMatching(/^revisions\/bbbb0003_email_required\.sql:19:3 +ALTER TABLE accounts ALTER COLUMN email SET NOT… +accounts +ACCESS EXCLUSIVE +reads and writes +scans$/));
    expect(lines).toContainEqual(expect.stringMatching(/^revisions\/bbbb0002_drop_legacy\.ts:10:8 +alter table "accounts" drop column "legacy_code" +accounts +ACCESS EXCLUSIVE +reads and writes +none$/));
    expect(lines.at(-1)).toBe('10 locks taken by 10 statements in 4 revisions, for PostgreSQL 15');
  });

  test('--format json prints the entries as an array; the facts follow --postgresql-version', async () => {
    const result = await runCli(['lint', '--locks', '--format', 'json', '--dialect', 'postgresql', '--postgresql-version', '10', '-'], project, {}, SCRIPT);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        location: { file: '<stdin>', line: 1, column: 1 },
        statement: 'create index on orders (placed_at)',
        object: 'orders',
        mode: 'SHARE',
        blocks: 'writes',
        effect: 'scans',
        note: 'builds the index',
      },
      {
        location: { file: '<stdin>', line: 2, column: 1 },
        statement: 'alter table orders add column total numeric default 0',
        object: 'orders',
        mode: 'ACCESS EXCLUSIVE',
        blocks: 'reads and writes',
        effect: 'rewrites',
        note: "writes the new column's default into every row",
      },
    ]);
    const on11 = await runCli(['lint', '--locks', '--format', 'json', '--dialect', 'postgresql', '--postgresql-version', '11', '-'], project, {}, SCRIPT);
    expect(JSON.parse(on11.stdout)[1]).toMatchObject({ effect: 'none' });
  });

  test('a dialect without a lock model is named as not covered: in the text, or on standard error beside JSON', async () => {
    const text = await runCli(['lint', '--locks', '--dialect', 'sqlite', '-'], project, {}, SCRIPT);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout.trimEnd().split('\n')).toEqual(['-: not in the lock report, which has no lock model for sqlite yet', 'no locks taken in 1 input']);
    const json = await runCli(['lint', '--locks', '--format', 'json', '--dialect', 'sqlite', '-'], project, {}, SCRIPT);
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(json.stderr).toContain('-: not in the lock report, which has no lock model for sqlite yet');
  });

  test('SARIF, GitHub annotations and --fail-on carry findings: refused with --locks', async () => {
    for (const format of ['sarif', 'github']) {
      const result = await runCli(['lint', '--locks', '--format', format], project);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`--locks prints a table or JSON, not ${format}`);
    }
    const failOn = await runCli(['lint', '--locks', '--fail-on', 'error'], project);
    expect(failOn.exitCode).toBe(2);
    expect(failOn.stderr).toContain('--fail-on=error cannot also be provided when using --locks');
  });
});
