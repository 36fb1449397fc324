/**
 * Replacing a bundle (folder and archive) takes several renames, so it is journaled, as a
 * database does: the renames are recorded before the first one, and whoever next holds the
 * output folder's lock finishes them. After a kill at any point, the next sqlgen run that
 * writes to the folder leaves the old bundle or the new one there, whole; never a mix.
 */

import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../output/write-file.js';

/** The pending replacement of one output folder; one at a time, under the folder's lock. */
export const JOURNAL_FILE = '.sqlgen-journal.json';

/** One rename of a staged item onto its target; an existing target is first set aside as `previous`. */
export interface JournaledMove {
  /** Which part of the bundle this is, for kill points and messages. */
  kind: 'folder' | 'archive';
  staged: string;
  target: string;
  previous: string;
}

interface Journal {
  journal: 'sqlgen-replace/1';
  moves: JournaledMove[];
}

/** Names of staged and set-aside items: `.<name>.partial-<random>[.tar.gz][.previous]`. */
const LEFTOVER = /^\..+\.partial-[A-Za-z0-9]+(\.tar\.gz)?(\.previous)?$/;
/** A set-aside item with no journal naming it: an old bundle whose replacement is complete. */
const REPLACED = /\.previous$/;

/**
 * Performs `moves` (names inside `outputDir`) as one journaled replacement. A failure half way
 * is finished at once if it can be; otherwise it throws and the journal stays for the next run.
 *
 * @example replaceJournaled('output', [{ kind: 'folder', staged: '.b.partial-1f', target: 'b', previous: '.b.partial-1f.previous' }]);
 */
export function replaceJournaled(outputDir: string, moves: JournaledMove[]): void {
  writeFileAtomically(path.join(outputDir, JOURNAL_FILE), `${JSON.stringify({ journal: 'sqlgen-replace/1', moves } satisfies Journal, null, 2)}\n`);
  syncFolder(outputDir);
  killPoint('journal-written');
  try {
    for (const move of moves) performMove(outputDir, move);
    finish(outputDir, moves);
  } catch (error) {
    try {
      completeReplacement(outputDir); // a second try often gets past a passing failure
    } catch {
      throw error; // the journal stays: the next run finishes it
    }
  }
}

/**
 * Finishes a replacement a killed run left in `outputDir`, then removes staged or set-aside
 * items no journal refers to. Call it holding the folder's lock. Says what it did, if anything.
 */
export function recoverOutputFolder(outputDir: string): string[] {
  const notes: string[] = [];
  const journal = readJournal(outputDir);
  if (journal) {
    completeReplacement(outputDir);
    notes.push(`${outputDir}: finished replacing ${journal.moves.map((move) => move.target).join(' and ')}, which an interrupted sqlgen run had begun`);
  }
  const leftovers = readdirSync(outputDir).filter((name) => LEFTOVER.test(name));
  for (const name of leftovers) rmSync(path.join(outputDir, name), { recursive: true, force: true });
  // Old bundles that the run which replaced them was still removing are no news.
  const interrupted = leftovers.filter((name) => !REPLACED.test(name));
  if (interrupted.length > 0) notes.push(`${outputDir}: removed ${interrupted.length} leftover(s) of interrupted sqlgen runs`);
  return notes;
}

/**
 * Why the bundle `name` in `outputDir` may be half replaced, or undefined when no replacement
 * of it is pending. Reads only: `verify` never changes what it checks.
 */
export function pendingReplacement(outputDir: string, name: string): string | undefined {
  const journal = readJournal(outputDir);
  if (!journal?.moves.some((move) => move.target === name)) return undefined;
  return `a replacement of it was interrupted (see ${path.join(outputDir, JOURNAL_FILE)}); the next \`sqlgen bundle\` into ${outputDir} finishes it, then verify again`;
}

/** Each move not yet done is done; the set-aside items are then removed. Idempotent. */
function completeReplacement(outputDir: string): void {
  const journal = readJournal(outputDir);
  if (!journal) return;
  for (const move of journal.moves) {
    if (exists(path.join(outputDir, move.staged))) performMove(outputDir, move);
    else if (!exists(path.join(outputDir, move.target)) && exists(path.join(outputDir, move.previous))) renameSync(path.join(outputDir, move.previous), path.join(outputDir, move.target));
  }
  finish(outputDir, journal.moves);
}

function performMove(outputDir: string, move: JournaledMove): void {
  const [staged, target, previous] = [move.staged, move.target, move.previous].map((name) => path.join(outputDir, name)) as [string, string, string];
  if (exists(target)) {
    if (exists(previous)) rmSync(target, { recursive: true, force: true }); // an earlier try set the old one aside already
    else renameSync(target, previous);
    killPoint(`set-aside-${move.kind}`);
  }
  renameSync(staged, target);
  killPoint(`moved-${move.kind}`);
}

/**
 * Commits: once the journal is gone the new items stand, and the old ones set aside are mere
 * leftovers. Those are removed by a process of their own, so that the command need not wait
 * (ten thousand files take seconds to delete on a busy disk); should it die, the next run that
 * takes the folder's lock removes what is left.
 */
function finish(outputDir: string, moves: JournaledMove[]): void {
  syncFolder(outputDir);
  killPoint('committed');
  rmSync(path.join(outputDir, JOURNAL_FILE), { force: true });
  syncFolder(outputDir);
  killPoint('cleaned'); // nothing is pending: the items set aside are now leftovers
  removeInBackground(moves.map((move) => path.join(outputDir, move.previous)).filter(exists));
}

/** Deletes `paths` in a detached process that outlives this one. */
function removeInBackground(paths: string[]): void {
  if (paths.length === 0) return;
  const remove = 'for (const item of process.argv.slice(1)) require("node:fs").rmSync(item, { recursive: true, force: true });';
  const child = spawn(process.execPath, ['-e', remove, ...paths], { detached: true, stdio: 'ignore', windowsHide: true });
  child.on('error', () => {}); // could not start: the items stay for the next run to remove
  child.unref();
}

/** The journal, if there is one and it only names items directly inside the folder. */
function readJournal(outputDir: string): Journal | undefined {
  let parsed: Journal;
  try {
    parsed = JSON.parse(readFileSync(path.join(outputDir, JOURNAL_FILE), 'utf8')) as Journal;
  } catch {
    return undefined;
  }
  const plain = (name: unknown) => typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[\\/]/.test(name);
  const valid = parsed?.journal === 'sqlgen-replace/1' && Array.isArray(parsed.moves) && parsed.moves.every((move) => plain(move.target) && LEFTOVER.test(String(move.staged)) && LEFTOVER.test(String(move.previous)));
  return valid ? parsed : undefined;
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Renames are durable only once the folder holding them is synced. */
function syncFolder(folder: string): void {
  const descriptor = openSync(folder, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Test hook: `SQLGEN_TEST_KILL_AT=<step>` makes the process SIGKILL itself at that step, as a
 * crash or power cut would, so tests can prove every step recoverable.
 */
export function killPoint(step: string): void {
  if (process.env.SQLGEN_TEST_KILL_AT === step) process.kill(process.pid, 'SIGKILL');
}

