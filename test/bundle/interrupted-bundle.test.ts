import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../src/bundle/archive.js';
import { recoverOutputFolder } from '../../src/bundle/bundle-journal.js';
import { writeBundle } from '../../src/bundle/write-bundle.js';
import { verifyBundle } from '../../src/bundle/verify-bundle.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { outputNames, settledOutput } from './bundle-fixtures.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const NAME = 'base-to-7c9e2b4a1d30-postgresql';
const BIN = path.join(REPO_ROOT, 'bin/run.js');
/** Every step of `bundle --force --archive` over an existing bundle, in order. */
const STEPS = ['staged', 'journal-written', 'set-aside-archive', 'moved-archive', 'set-aside-folder', 'moved-folder', 'committed', 'cleaned'];

let template: string;

beforeAll(async () => {
  template = copyExampleProject();
  const old = await runCli(['bundle', '--no-rehearse', '--archive', '--ticket', 'OLD-1'], template);
  expect(old.exitCode, old.stderr).toBe(0);
});

const ticketOf = (manifest: Buffer | string) => (JSON.parse(manifest.toString()) as { ticket: string }).ticket;

/** The bundle is whole, folder and archive from the same run, and nothing else is left. */
async function expectOneWholeBundle(output: string): Promise<string> {
  expect(readdirSync(output).sort()).toEqual([NAME, `${NAME}.tar.gz`, 'other']);
  const folderTicket = ticketOf(readFileSync(path.join(output, NAME, 'manifest.json')));
  expect(ticketOf(readArchive(path.join(output, `${NAME}.tar.gz`)).files.get('manifest.json')!)).toBe(folderTicket);
  for (const target of [path.join(output, NAME), path.join(output, `${NAME}.tar.gz`)]) {
    const report = await verifyBundle({ target });
    expect(report.problems, target).toEqual([]);
  }
  return folderTicket;
}

describe('bundle --force --archive killed at any step', () => {
  it.each(STEPS)('SIGKILL at %s: the next run leaves the old or the new bundle, whole', async (step) => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-kill-'));
    cpSync(template, root, { recursive: true });
    const killed = spawnSync(process.execPath, [BIN, 'bundle', '--no-rehearse', '--force', '--archive', '--ticket', 'NEW-2'], { cwd: root, env: { ...process.env, SQLGEN_TEST_KILL_AT: step } });
    expect(killed.signal, killed.stderr.toString()).toBe('SIGKILL');
    if (step !== 'staged' && step !== 'cleaned') {
      const pending = await runCli(['verify', `output/${NAME}`], root);
      expect(pending.exitCode).not.toBe(0);
      expect(pending.stderr).toContain('a replacement of it was interrupted');
    }
    const next = await runCli(['bundle', '--no-rehearse', '--name', 'other'], root);
    expect(next.exitCode, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/taking over the lock of sqlgen process \d+, which is gone/);
    const ticket = await expectOneWholeBundle(path.join(root, 'output'));
    expect(ticket).toBe(step === 'staged' ? 'OLD-1' : 'NEW-2');
  });
});

describe('two forced bundles of one name at once', () => {
  /**
   * A process that writes a small bundle marked `<mark><round>` through writeBundle each time it
   * reads a line, and answers with the outcome: two of them race without paying start-up each round.
   */
  const WRITER = `
    const { writeBundle } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/bundle/write-bundle.js'))});
    const [outputDir, mark] = process.argv.slice(1);
    const { createInterface } = await import('node:readline');
    for await (const round of createInterface({ input: process.stdin })) {
      const files = new Map([['manifest.json', Buffer.from(JSON.stringify({ ticket: mark + round }))], ['upgrade.sql', Buffer.from('-- ' + mark + round + '\\n')]]);
      const outcome = await Promise.resolve().then(() => writeBundle('b', files, { outputDir, force: true, archive: true })).then(() => 'ok', (error) => String(error.message));
      process.stdout.write(outcome + '\\n');
    }`;

  function writer(output: string, mark: string) {
    const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, output, mark], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    return {
      write: async (round: number) => (child.stdin!.write(`${round}\n`), (await lines.next()).value as string),
      close: () => child.stdin!.end(),
    };
  }

  it('are serialized: both succeed 50 times out of 50, the folder and archive always from one run', async () => {
    const output = mkdtempSync(path.join(tmpdir(), 'sqlgen-race-'));
    const [a, b] = [writer(output, 'A'), writer(output, 'B')];
    try {
      for (let round = 0; round < 50; round++) {
        expect(await Promise.all([a.write(round), b.write(round)]), `round ${round}`).toEqual(['ok', 'ok']);
        expect(outputNames(output), `round ${round}`).toEqual(['b', 'b.tar.gz']);
        const folder = ticketOf(readFileSync(path.join(output, 'b/manifest.json')));
        expect(ticketOf(readArchive(path.join(output, 'b.tar.gz')).files.get('manifest.json')!), `round ${round}`).toBe(folder);
      }
    } finally {
      a.close();
      b.close();
    }
    expect(await settledOutput(output)).toEqual(['b', 'b.tar.gz']);
  });
});

describe('bundle folder permissions', () => {
  it('the folder follows the umask, as its files and any folder do: readable where the archive is', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-mode-'));
    cpSync(template, root, { recursive: true });
    writeFileSync(path.join(root, 'probe'), '');
    const result = spawnSync('sh', ['-c', `umask 022 && "${process.execPath}" "${BIN}" bundle --force --archive`], { cwd: root });
    expect(result.status, result.stderr.toString()).toBe(0);
    expect(statSync(path.join(root, 'output', NAME)).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(root, 'output', NAME, 'upgrade.sql')).mode & 0o777).toBe(0o644);
  });
});

describe('the old bundle a forced bundle replaces', () => {
  const files = (ticket: string) => new Map([['manifest.json', Buffer.from(JSON.stringify({ ticket }))]]);

  it('is set aside before the new one moves in, and removed in the background once the new one stands', async () => {
    const output = mkdtempSync(path.join(tmpdir(), 'sqlgen-replace-'));
    await writeBundle('b', files('OLD-1'), { outputDir: output, force: true, archive: false });
    await writeBundle('b', files('NEW-2'), { outputDir: output, force: true, archive: false });
    expect(ticketOf(readFileSync(path.join(output, 'b/manifest.json')))).toBe('NEW-2');
    expect(outputNames(output)).toEqual(['b']);
    expect(await settledOutput(output)).toEqual(['b']);
  });

  it('is removed by the next run without a word when its removal did not finish; a staged leftover is named', () => {
    const output = mkdtempSync(path.join(tmpdir(), 'sqlgen-recover-'));
    mkdirSync(path.join(output, '.b.partial-1a2b.previous'));
    expect(recoverOutputFolder(output)).toEqual([]);
    mkdirSync(path.join(output, '.b.partial-3c4d'));
    expect(recoverOutputFolder(output)).toEqual([`${output}: removed 1 leftover(s) of interrupted sqlgen runs`]);
    expect(readdirSync(output)).toEqual([]);
  });
});
