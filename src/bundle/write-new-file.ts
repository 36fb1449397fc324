import { closeSync, fchmodSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { WriteError } from '../errors.js';
import { cannotWrite } from '../output/write-file.js';

/**
 * Creates `file` holding `content` with exactly `mode`, and never replaces anything: the open
 * fails when the name exists, even as a dangling link. A half-written file is removed.
 *
 * @example writeNewFile('keys/sqlgen.key.pem', pem, 0o600, 'move it away, or pick another --out');
 * @throws {WriteError} naming `file`: with `existsHint` when it exists, else with the system's code.
 */
export function writeNewFile(file: string, content: string | Uint8Array, mode: number, existsHint: string): void {
  const descriptor = createExclusively(file, mode, existsHint);
  try {
    fchmodSync(descriptor, mode); // the umask may have cleared bits at creation
    writeFileSync(descriptor, content);
  } catch (error) {
    closeSync(descriptor);
    rmSync(file, { force: true });
    throw cannotWrite(file, error);
  }
  closeSync(descriptor);
}

function createExclusively(file: string, mode: number, existsHint: string): number {
  try {
    // Created with `mode` from the start, so that a private key is never readable by others.
    return openSync(file, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteError(`${file}: already exists; sqlgen does not overwrite it`, existsHint, { file });
    throw cannotWrite(file, error);
  }
}
