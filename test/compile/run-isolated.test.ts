import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** A one-revision project whose upgrade runs `body` before creating a table. */
function projectWith(body: string): string {
  return tempProject({
    'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }),
    'revisions/aaaaaaaaaaaa_first.ts': `import { defineRevision } from 'sqlgen';
export default defineRevision({
  id: 'aaaaaaaaaaaa',
  parents: [],
  message: 'first',
  upgrade(op) {
    ${body}
    op.createTable('t', (t) => { t.increments('id'); });
  },
  downgrade(op) { op.dropTable('t'); },
});
`,
  });
}

describe('revision code cannot corrupt or end a run', () => {
  it('console.log and process.stdout.write go to stderr: the script and --json stay whole', async () => {
    const root = projectWith("console.log('hello from console'); process.stdout.write('raw write\\n');");
    const text = await runCli(['upgrade', 'base:head', '--sql'], root);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(/hello from console|raw write/);
    expect(text.stderr).toContain('hello from console');
    const json = await runCli(['upgrade', 'base:head', '--sql', '--json'], root);
    expect(JSON.parse(json.stdout)).toMatchObject({ revisions: ['aaaaaaaaaaaa'] });
  });

  it('process.exit(0) is an error, not a silent success', async () => {
    const root = projectWith('process.exit(0);');
    const script = await runCli(['upgrade', 'base:head', '--sql'], root);
    expect(script.exitCode).toBe(2);
    expect(script.stderr).toContain('process.exit(0) was called');
    const bundle = await runCli(['bundle'], root);
    expect(bundle.exitCode).toBe(2);
    expect(existsSync(path.join(root, 'output'))).toBe(false);
  });

  it('a thrown non-Error is shown, not "[object Object]"', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWith("throw { message: 'x marks the spot' };"));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('x marks the spot');
    expect(result.stderr).not.toContain('[object Object]');
  });

  it.each([
    ['a timer that throws', "setTimeout(() => { throw new Error('late boom'); }, 0);", /late boom|left 1 timer/],
    ['a rejected promise nobody awaits', "Promise.reject(new Error('lost promise'));", 'lost promise'],
    ['a timer left running', 'setInterval(() => {}, 1000);', 'left 1 timer(s) running'],
  ])('%s fails the run cleanly, before any script is printed', async (_, body, shown) => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWith(body));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(shown);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('an endless loop is stopped at SQLGEN_REVISION_TIMEOUT', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWith('for (;;) {}'), { SQLGEN_REVISION_TIMEOUT: '1' });
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the revision did not finish within 1 s');
  });
});

describe('runIsolated called concurrently (renders of several projects in one process)', () => {
  it('runs one step at a time and puts every hook back as it was', async () => {
    const { runIsolated } = await import('../../src/compile/run-isolated.js');
    const original = { console: globalThis.console, setTimeout: globalThis.setTimeout, exit: process.exit, write: process.stdout.write };
    const listeners = process.listenerCount('uncaughtException');
    let running = 0;
    let overlapped = false;
    const step = async (): Promise<void> => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, (_, index) => runIsolated(`revisions/r${index}.ts`, step)));
    expect(overlapped).toBe(false);
    expect({ console: globalThis.console, setTimeout: globalThis.setTimeout, exit: process.exit, write: process.stdout.write }).toEqual(original);
    expect(process.listenerCount('uncaughtException')).toBe(listeners);
  });
});
