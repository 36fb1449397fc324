import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WriteError } from '../errors.js';

/**
 * Writes a file through a temporary sibling and a rename, so that a reader (or a failure half
 * way) never sees a partial file.
 */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new WriteError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check that the folder exists and is writable', { file });
  }
}
