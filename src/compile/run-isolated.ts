/**
 * Revision code is the user's own, so the threat is a mistake, not an attack: a `console.log`
 * left in, a `process.exit`, a timer that throws, a loop that never ends. Each revision runs
 * with console and stdout sent to stderr (so the script on stdout and `--json` stay whole),
 * `process.exit` turned into an error, errors from its timers and promises reported as its own,
 * timers it leaves behind refused, and a watchdog that stops the process at a time limit.
 *
 * Why in-process and not a worker thread per render: revisions are functions of the loaded
 * project, which a worker would have to load again, and sending thousands of revisions' steps
 * across costs more than these few assignments per revision (see bench/run.js).
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { Console } from 'node:console';
import { closeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CONFIG_DEFAULTS } from '../config/schema.js';
import { CompileError, ExitCode } from '../errors.js';

/** How long a revision's code may run at a time (its loading, or one step); see {@link limitRevisionTime}. */
let timeLimitMs = CONFIG_DEFAULTS.revisionTimeoutSeconds * 1000;

/**
 * Sets the time limit for the rest of the process: the project's `revisionTimeoutSeconds`
 * (which `SQLGEN_REVISION_TIMEOUT` overrides), set once its config is loaded.
 */
export function limitRevisionTime(seconds: number): void {
  timeLimitMs = seconds * 1000;
}

/**
 * Runs `work` (one revision's step) guarded as described above; a failure outside `work`'s own
 * promise becomes its rejection, naming `file`.
 *
 * @example await runIsolated('revisions/3f2a_add_orders.ts', () => step.run(operations));
 */
export function runIsolated<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  const run = turn.then(() => runGuarded(file, work));
  turn = run.catch(() => undefined);
  return run;
}

/**
 * The hooks are process-wide, so revisions take turns: two loads or renders started together
 * (a library user's, or a test's) would otherwise save and restore each other's hooks. A
 * revision's code must not call runIsolated itself, or it would wait for its own turn.
 */
let turn: Promise<unknown> = Promise.resolve();

async function runGuarded<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  const guard = new Guard(file);
  const stop = watchdog.arm(file, timeLimitMs);
  try {
    const result = await Promise.race([revisionContext.run(guard, () => Promise.resolve().then(work)), guard.failure]);
    await new Promise((resolve) => setImmediate(resolve)); // lets a rejection nobody awaited surface
    guard.check();
    return result;
  } finally {
    stop();
    guard.restore();
  }
}

/** One for the process: making a Console costs more than the rest of a guard (about 55 µs, measured), and every revision module gets a guard. */
let stderrConsole: Console | undefined;

/**
 * Which revision's code is running: the timer hooks are process-wide, and other code (a test
 * runner, an engine finishing earlier work) may schedule timers while a revision runs; only
 * those scheduled from the revision's own code, or from its timers and promises, are its own.
 */
const revisionContext = new AsyncLocalStorage<Guard>();

type Timer = ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate>;

/** The process-wide hooks, swapped in for one revision and put back after it. */
class Guard {
  readonly failure: Promise<never>;
  private fail!: (error: unknown) => void;
  private caught: unknown[] = [];
  private readonly pending = new Set<Timer>();
  private readonly saved = { console: globalThis.console, write: process.stdout.write, exit: process.exit, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate };
  private readonly onError = (error: unknown) => {
    this.caught.push(error);
    this.fail(error);
  };

  constructor(private readonly file: string) {
    this.failure = new Promise<never>((_, reject) => (this.fail = reject));
    this.failure.catch(() => undefined);
    const stderr = process.stderr;
    globalThis.console = stderrConsole ??= new Console({ stdout: stderr, stderr });
    process.stdout.write = stderr.write.bind(stderr) as typeof process.stdout.write;
    process.exit = ((code?: number) => {
      throw new Error(`process.exit(${code ?? ''}) was called; revision code cannot end sqlgen, so it is an error`);
    }) as typeof process.exit;
    this.trackTimers();
    process.on('uncaughtException', this.onError);
    process.on('unhandledRejection', this.onError);
  }

  /** Errors thrown by its timers or left in promises; then timers still pending, whose work would be lost. */
  check(): void {
    if (this.caught.length > 0) throw this.caught[0];
    if (this.pending.size > 0) {
      const count = this.pending.size;
      for (const timer of this.pending) this.saved.clearTimeout(timer as ReturnType<typeof setTimeout>), this.saved.clearImmediate(timer as ReturnType<typeof setImmediate>);
      throw new CompileError('REVISION_FAILED', `${this.file}: the revision left ${count} timer(s) running after its code returned; what they do would not be in the script`, 'await all the work the revision starts, or clear the timer');
    }
  }

  restore(): void {
    Object.assign(globalThis, { console: this.saved.console, setTimeout: this.saved.setTimeout, setInterval: this.saved.setInterval, setImmediate: this.saved.setImmediate, clearTimeout: this.saved.clearTimeout, clearInterval: this.saved.clearInterval, clearImmediate: this.saved.clearImmediate });
    process.stdout.write = this.saved.write;
    process.exit = this.saved.exit;
    process.off('uncaughtException', this.onError);
    process.off('unhandledRejection', this.onError);
  }

  private trackTimers(): void {
    const { pending, saved } = this;
    const track = (timer: Timer) => {
      if (revisionContext.getStore() === this) pending.add(timer);
    };
    const once = <A extends unknown[]>(schedule: (callback: (...args: A) => void, ...rest: never[]) => Timer) =>
      ((callback: (...args: A) => void, ...rest: never[]) => {
        const timer = schedule((...args: A) => {
          pending.delete(timer);
          callback(...args);
        }, ...rest);
        track(timer);
        return timer;
      }) as never;
    const clear = (original: (timer: never) => void) => ((timer: Timer) => (pending.delete(timer), original(timer as never))) as never;
    Object.assign(globalThis, {
      setTimeout: once(saved.setTimeout as never),
      setImmediate: once(saved.setImmediate as never),
      setInterval: ((callback: () => void, ...rest: never[]) => {
        const timer = (saved.setInterval as (...args: unknown[]) => Timer)(callback, ...rest);
        track(timer);
        return timer;
      }) as never,
      clearTimeout: clear(saved.clearTimeout as never),
      clearInterval: clear(saved.clearInterval as never),
      clearImmediate: clear(saved.clearImmediate as never),
    });
  }
}

/** Longer names are cut in the message; the limit is about the revision, not its path. */
const FILE_NAME_BYTES = 4096;
const WATCHDOG_TICK_MS = 100;

/**
 * One thread, started on first use, that watches shared memory: a revision that runs past its
 * time limit (an endless loop blocks this thread, so nothing here could stop it) gets a message
 * on stderr and the process is ended with sqlgen's exit code for a failed revision.
 *
 * Arming writes to shared memory only: a message per run cost 0.1-0.3 ms, and a project of
 * 1,000 revisions runs 2,000 times (loading and rendering). The watchdog looks every
 * {@link WATCHDOG_TICK_MS}, so it stops a revision at most that much after its limit.
 *
 * A worker cannot end the process with a code of its own choosing, and a signal handler on
 * this thread would never run. But the inspector's messages reach this thread as V8
 * interrupts, even inside a loop: the watchdog connects to it and calls {@link STOP} here.
 * If that cannot happen (Node without the inspector, or this thread stuck in native code), a
 * SIGTERM follows after a grace period (exit status 143).
 */
const watchdog = {
  worker: undefined as Worker | undefined,
  /** [run started, run finished, time limit in ms, byte length of the file name]. */
  counters: new Int32Array(new SharedArrayBuffer(16)),
  /** The running revision's file name, UTF-8, for the message. */
  fileName: new Uint8Array(new SharedArrayBuffer(FILE_NAME_BYTES)),
  shownFile: '',
  arm(file: string, limitMs: number): () => void {
    this.worker ??= startWatchdog(this.counters, this.fileName);
    if (file !== this.shownFile) {
      const { written } = new TextEncoder().encodeInto(file, this.fileName);
      Atomics.store(this.counters, 3, written);
      this.shownFile = file;
    }
    Atomics.store(this.counters, 2, limitMs);
    const token = Atomics.add(this.counters, 0, 1) + 1;
    return () => Atomics.store(this.counters, 1, token);
  },
};

/** Where the watchdog finds the function that ends the process from inside the stuck revision. */
const STOP = 'sqlgen.stopRevision';

Object.defineProperty(globalThis, Symbol.for(STOP), {
  value: () => {
    // The watchdog has printed the message. Closing stderr keeps out Node's notice about the
    // watchdog's inspector session ("Waiting for the debugger to disconnect..."), and
    // reallyExit skips 'exit' listeners, which would run amid the revision's half-done work.
    closeSync(2);
    (process as unknown as { reallyExit(code: number): never }).reallyExit(ExitCode.input);
  },
});

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const inspector = require('node:inspector');
const { counters, fileName } = workerData;
let watched = 0;
let since = 0;
const timer = setInterval(() => {
  const started = Atomics.load(counters, 0);
  if (Atomics.load(counters, 1) >= started) return;
  if (started !== watched) {
    watched = started;
    since = Date.now();
    return;
  }
  const limitMs = Atomics.load(counters, 2);
  if (Date.now() - since < limitMs) return;
  clearInterval(timer);
  const file = Buffer.from(fileName.slice(0, Atomics.load(counters, 3))).toString('utf8');
  writeSync(2, 'error: ' + file + ': the revision did not finish within ' + limitMs / 1000 + ' s (an endless loop?); sqlgen stopped it\\n' +
    'hint: fix the revision; to allow it longer, set revisionTimeoutSeconds in sqlgen.config.json or SQLGEN_REVISION_TIMEOUT (seconds)\\n');
  setTimeout(() => process.kill(process.pid, 'SIGTERM'), 2000);
  try {
    const session = new inspector.Session();
    session.connectToMainThread();
    session.post('Runtime.evaluate', { expression: 'globalThis[Symbol.for(${JSON.stringify(STOP)})]()' });
  } catch {
    process.kill(process.pid, 'SIGTERM');
  }
}, ${WATCHDOG_TICK_MS});`;

function startWatchdog(counters: Int32Array, fileName: Uint8Array): Worker {
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { counters, fileName } });
  worker.unref();
  return worker;
}
