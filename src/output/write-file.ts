import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { WriteError } from '../errors.js';

/**
 * Writes a file through a temporary sibling and a rename, so that a reader (or a failure half
 * way) never sees a partial file. The sibling has an unpredictable name and is created
 * exclusively without following links (as write-file-atomic and git do): a link planted in a
 * shared folder cannot redirect the write. Temporaries of killed runs are removed first.
 *
 * @example writeFileAtomically('out/upgrade.sql', sql);
 * @throws {WriteError} naming `file` with the system's code.
 */
export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  removeStaleTemporaries(file);
  let temporary: string | undefined;
  try {
    temporary = createTemporary(file);
    renameSync(temporary, file);
  } catch (error) {
    if (temporary) rmSync(temporary, { force: true });
    throw cannotWrite(file, error);
  }

  function createTemporary(target: string): string {
    const name = temporaryName(target);
    const descriptor = openSync(name, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    temporary = name;
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    return name;
  }
}

/** The error for a failed write of `file`: the system's code, and a hint that fits it. */
export function cannotWrite(file: string, error: unknown): WriteError {
  return new WriteError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`, writeHint(error), { file }, { cause: error });
}

/** A hint that fits the system's complaint: a full disk is not a permission problem. */
export function writeHint(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk (or your quota) is full: free some space and run again';
  return 'check that the folder exists and is writable';
}

/** `.<name>.<pid>-<random>.tmp`: the pid lets a later run tell a dead writer's leftover from a live one's. */
function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
}

/** Temporaries of `file` left by writers that are gone (including the old `.<name>.<pid>.tmp` form). */
function removeStaleTemporaries(file: string): void {
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(file));
  } catch {
    return; // the write itself reports a missing folder
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)(?:-[0-9a-f]{16})?\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid && !isRunning(Number(pid))) removeQuietly(path.join(path.dirname(file), name));
  }
}

/** Cleaning up is a courtesy: a leftover someone else owns (sticky folder) stays. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // not ours to remove
  }
}

/** Whether a process with this pid exists (EPERM: it does, owned by someone else). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
