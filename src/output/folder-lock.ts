import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { isRunning } from './write-file.js';

/** The lock file a writer of an output folder holds while it changes anything there. */
export const LOCK_FILE = '.sqlgen.lock';

export interface LockOptions {
  /** Told when the lock is busy (once) and when a dead writer's lock is taken over. */
  notify?: (message: string) => void;
  /** How long to wait for a live holder before giving up. */
  timeoutMs?: number;
}

const POLL_MS = 20;
const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Takes the lock of `folder` (creating `<folder>/.sqlgen.lock` exclusively, holding this pid),
 * waiting while another live sqlgen holds it; a lock whose pid is gone on this host is taken over.
 * Returns the function that releases it.
 *
 * @example const release = await lockFolder('output'); try { ... } finally { release(); }
 * @throws {WriteError} when the lock cannot be created, or a live holder keeps it past the timeout.
 */
export async function lockFolder(folder: string, { notify, timeoutMs = DEFAULT_TIMEOUT_MS }: LockOptions = {}): Promise<() => void> {
  const file = path.join(folder, LOCK_FILE);
  const owner = `${process.pid}\n${hostname()}\n${randomBytes(8).toString('hex')}\n`;
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    if (tryCreate(file, owner)) return () => release(file, owner);
    const holder = readHolder(file);
    if (holder && isStale(holder)) {
      if (takeOver(file, holder.text)) notify?.(`${file}: taking over the lock of sqlgen process ${holder.pid}, which is gone`);
      continue;
    }
    if (Date.now() > deadline) throw new WriteError(`${folder}: another sqlgen (process ${holder?.pid ?? '?'}) has been writing here for ${Math.round(timeoutMs / 1000)} s`, `wait for it to finish; if no sqlgen is running, remove ${file}`, { file });
    if (!told && holder) notify?.(`${folder}: waiting for sqlgen process ${holder.pid}, which is writing there`);
    told ||= holder !== undefined;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function tryCreate(file: string, owner: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new WriteError(`${file}: cannot create the lock file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check that the output folder is writable', { file }, { cause: error });
  }
  try {
    writeSync(descriptor, owner);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

interface Holder {
  text: string;
  pid: number;
  host: string;
}

function readHolder(file: string): Holder | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const [pid = '', host = ''] = text.split('\n');
    return { text, pid: Number(pid), host };
  } catch {
    return undefined; // released meanwhile
  }
}

/** Gone for sure only on this host; a lock still being written (no pid yet) is not stale. */
function isStale(holder: Holder): boolean {
  return Number.isInteger(holder.pid) && holder.pid > 0 && holder.host === hostname() && !isRunning(holder.pid);
}

/**
 * Moves the stale lock aside and checks it is the one judged stale: if another writer took it
 * over first and already holds a fresh lock, that lock is put back.
 */
function takeOver(file: string, staleText: string): boolean {
  const aside = `${file}.${randomBytes(8).toString('hex')}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return false;
  }
  const moved = readHolder(aside)?.text;
  if (moved !== staleText) {
    try {
      linkSync(aside, file); // never over a lock created meanwhile
    } catch {
      // someone else holds a newer one; theirs stands
    }
  }
  rmSync(aside, { force: true });
  return moved === staleText;
}

function release(file: string, owner: string): void {
  if (readHolder(file)?.text === owner) rmSync(file, { force: true });
}
