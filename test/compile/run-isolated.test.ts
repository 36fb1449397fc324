import { existsSync, writeFileSync } from 'node:fs';
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
    const bundle = await runCli(['bundle', '--no-rehearse'], root);
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

  it('the time limit is revisionTimeoutSeconds in the config, which SQLGEN_REVISION_TIMEOUT overrides', async () => {
    const root = projectWith('for (;;) {}');
    writeFileSync(path.join(root, 'sqlgen.config.json'), JSON.stringify({ dialect: 'postgresql', revisionTimeoutSeconds: 1 }));
    const fromConfig = await runCli(['upgrade', 'base:head', '--sql'], root);
    expect(fromConfig.exitCode).toBe(2);
    expect(fromConfig.stderr).toContain('the revision did not finish within 1 s');
    writeFileSync(path.join(root, 'sqlgen.config.json'), JSON.stringify({ dialect: 'postgresql', revisionTimeoutSeconds: 600 }));
    const fromEnv = await runCli(['upgrade', 'base:head', '--sql'], root, { SQLGEN_REVISION_TIMEOUT: '1.5' });
    expect(fromEnv.stderr).toContain('the revision did not finish within 1.5 s');
  });

  it('an endless loop is stopped at SQLGEN_REVISION_TIMEOUT', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWith('for (;;) {}'), { SQLGEN_REVISION_TIMEOUT: '1' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the revision did not finish within 1 s');
    expect(result.stderr).not.toContain('debugger');
  });
});

/**
 * A one-revision project whose module runs `body` at its top level, when it is loaded. With
 * `nodeLoader`, the module also has a top-level `await`, so Node's loader runs it, not the fast path.
 */
function projectWithTopLevel(body: string, nodeLoader: boolean): string {
  return tempProject({
    'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }),
    'revisions/aaaaaaaaaaaa_first.ts': `import { defineRevision } from 'sqlgen';
${body}
${nodeLoader ? 'await Promise.resolve();' : ''}
export default defineRevision({
  id: 'aaaaaaaaaaaa',
  parents: [],
  message: 'first',
  upgrade(op) { op.createTable('t', (t) => { t.increments('id'); }); },
  downgrade(op) { op.dropTable('t'); },
});
`,
  });
}

describe.each([
  ['the fast path', false],
  ["Node's loader (top-level await)", true],
])("a revision's top-level code is guarded as its steps are, on %s", (_, nodeLoader) => {
  it('console.log and process.stdout.write go to stderr', async () => {
    const root = projectWithTopLevel("console.log('hello at load'); process.stdout.write('raw at load\\n');", nodeLoader);
    const text = await runCli(['upgrade', 'base:head', '--sql'], root);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(/hello at load|raw at load/);
    expect(text.stdout).toContain('CREATE TABLE');
    expect(text.stderr).toContain('hello at load');
    const json = await runCli(['upgrade', 'base:head', '--sql', '--json'], root);
    expect(JSON.parse(json.stdout)).toMatchObject({ revisions: ['aaaaaaaaaaaa'] });
  });

  it('process.exit(0) is an error, not a silent success', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWithTopLevel('process.exit(0);', nodeLoader));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('process.exit(0) was called');
  });

  it('a thrown non-Error is shown, not "[object Object]"', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWithTopLevel("throw { message: 'x marks the spot' };", nodeLoader));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('x marks the spot');
    expect(result.stderr).not.toContain('[object Object]');
  });

  it('a timer left running at load fails the run', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWithTopLevel('setInterval(() => {}, 1000);', nodeLoader));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('aaaaaaaaaaaa_first.ts: the revision left 1 timer(s) running');
  });

  it('an endless loop is stopped at SQLGEN_REVISION_TIMEOUT', async () => {
    const result = await runCli(['upgrade', 'base:head', '--sql'], projectWithTopLevel('for (;;) {}', nodeLoader), { SQLGEN_REVISION_TIMEOUT: '1' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('aaaaaaaaaaaa_first.ts: the revision did not finish within 1 s');
    expect(result.stderr).not.toContain('debugger');
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

describe("a revision answers only for its own timers", () => {
  it('a timer other code schedules while the revision runs is not blamed on the revision', async () => {
    const { runIsolated } = await import('../../src/compile/run-isolated.js');
    let outsideTimer: ReturnType<typeof setTimeout> | undefined;
    // Outside code (a test runner, an engine's leftover work) wakes mid-revision and schedules a timer of its own.
    const wake = setTimeout(() => (outsideTimer = setTimeout(() => undefined, 60_000)), 5);
    try {
      const step = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));
      await expect(runIsolated('revisions/r.ts', step)).resolves.toBeUndefined();
      expect(outsideTimer).toBeDefined();
    } finally {
      clearTimeout(wake);
      clearTimeout(outsideTimer);
    }
  });

  it("a timer the revision's own timer schedules is still the revision's", async () => {
    const { runIsolated } = await import('../../src/compile/run-isolated.js');
    const step = (): Promise<void> => new Promise((resolve) => setTimeout(() => (setTimeout(() => undefined, 60_000), resolve()), 5));
    await expect(runIsolated('revisions/r.ts', step)).rejects.toThrow('revisions/r.ts: the revision left 1 timer(s) running');
  });
});
