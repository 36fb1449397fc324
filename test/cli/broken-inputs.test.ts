import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';

interface BrokenCase {
  args: string[];
  code: string;
  file?: string;
  line?: number;
  /** A credential that must not appear in any output. */
  secret?: string;
}

const CORPUS = path.join(REPO_ROOT, 'test/fixtures/broken');
const cases = readdirSync(CORPUS).map((name) => ({ name, folder: path.join(CORPUS, name), ...(JSON.parse(readFileSync(path.join(CORPUS, name, 'case.json'), 'utf8')) as BrokenCase) }));

describe.concurrent('broken input corpus (test/fixtures/broken)', () => {
  it('has a case for every kind of broken input sqlgen must report', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(
      new Set([
        ...['REVISION_SYNTAX', 'REVISION_IMPORT', 'REVISION_INVALID', 'REVISION_ID_MISMATCH', 'REVISION_UNREADABLE'],
        ...['CYCLE', 'MISSING_PARENT', 'DUPLICATE_ID', 'AMBIGUOUS_REVISION', 'MULTIPLE_HEADS', 'BAD_RANGE', 'CONFIG_INVALID'],
        ...['REVISION_FAILED', 'LITERAL_UNSUPPORTED', 'NEEDS_LIVE_DATABASE', 'NO_DOWNGRADE', 'DIALECT_MISMATCH', 'SHADOW_REPLAY_FAILED'],
        ...['UNREADABLE_INPUT', 'NO_DIALECT'],
      ]),
    );
  });

  it.each(cases)('$name: exit 2, one message naming the file, a hint, no stack, nothing written', async (brokenCase) => {
    const project = copyFixture(brokenCase.folder);
    const before = snapshotTree(project);
    const { exitCode, stdout, stderr } = await runCli(brokenCase.args, project);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toMatch(/\nhint: \S/);
    expect(stderr).not.toMatch(/^\s+at /m);
    if (brokenCase.file) expect(stderr).toContain(brokenCase.line ? `${brokenCase.file}:${brokenCase.line}` : brokenCase.file);
    if (brokenCase.secret) expect(stderr).not.toContain(brokenCase.secret);
    expect(snapshotTree(project)).toEqual(before);
  });

  it.each(cases)('$name: --json gives the error code and location on stdout', async (brokenCase) => {
    const { exitCode, stdout } = await runCli([...brokenCase.args, '--json'], copyFixture(brokenCase.folder));
    expect(exitCode).toBe(2);
    const { error } = JSON.parse(stdout) as { error: { code: string; file?: string; line?: number; hint: string } };
    expect(error.code).toBe(brokenCase.code);
    if (brokenCase.file) expect(error.file).toBe(brokenCase.file);
    if (brokenCase.line) expect(error.line).toBe(brokenCase.line);
    expect(error.hint).toBeTruthy();
  });

  it('shows the stack trace only with --verbose', async () => {
    const folder = path.join(CORPUS, 'throws-on-import');
    const { exitCode, stderr } = await runCli(['history', '--verbose'], copyFixture(folder));
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^\s+at /m);
    expect(stderr).toContain('Caused by: TypeError');
  });
});
