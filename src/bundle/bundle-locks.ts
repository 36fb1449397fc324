/**
 * The locks section of a bundle's handoff summary: each revision's upgrade file read by the lock
 * report, located in that file, as `sqlgen lint --locks` on the bundle folder prints it.
 */
import type { DialectId } from '../dialects/dialect-id.js';
import type { LockEntry } from '../lint/locks/lock-entry.js';
import { coversLocks, lockScript } from '../lint/locks/lock-script.js';
import type { ServerSettings } from '../lint/types.js';
import type { BundledScript } from './bundle-lint.js';

/** Per revision, in bundle order, the locks its upgrade file takes; undefined when the dialect has no lock model. */
export async function lockBundledScripts(scripts: readonly BundledScript[], options: ServerSettings & { dialect: DialectId }): Promise<LockEntry[][] | undefined> {
  if (!coversLocks(options.dialect)) return undefined;
  const locks: LockEntry[][] = [];
  for (const { file, script } of scripts) locks.push(await lockScript(script.text, { file, ...options }));
  return locks;
}
