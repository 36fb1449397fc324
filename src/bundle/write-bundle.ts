import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { SqlgenError, WriteError } from '../errors.js';
import { lockFolder } from '../output/folder-lock.js';
import { writeHint } from '../output/write-file.js';
import { writeDeterministicArchive } from './archive.js';
import { BUNDLE_FILES, type AssembledBundle } from './assemble-bundle.js';
import { JOURNAL_FILE, killPoint, recoverOutputFolder, replaceJournaled, type JournaledMove } from './bundle-journal.js';
import { sha256Hex } from '../sha256.js';
import { renderSha256Sums } from './checksums.js';
import { signBytes } from './signing.js';

/**
 * Every file of a finished bundle: the assembled ones, the signature (if signed) and SHA256SUMS,
 * which takes the digests the manifest already lists and hashes only the manifest and signature.
 */
export function finishBundle(assembled: AssembledBundle, signingKey?: KeyObject): Map<string, Buffer> {
  const files = new Map<string, Buffer>([...assembled.files].map(([file, text]) => [file, Buffer.from(text, 'utf8')]));
  if (signingKey) files.set(BUNDLE_FILES.signature, signBytes(files.get(BUNDLE_FILES.manifest)!, signingKey));
  const listed = new Map(assembled.manifest.files.map(({ file, sha256 }) => [file, sha256]));
  const entries = [...files].map(([file, bytes]) => ({ path: file, sha256: listed.get(file) ?? sha256Hex(bytes) }));
  files.set(BUNDLE_FILES.checksums, Buffer.from(renderSha256Sums(entries)));
  return files;
}

export interface WriteBundleOptions {
  outputDir: string;
  /** Replace an existing bundle (and archive) of the same name. */
  force: boolean;
  /** Also write `<name>.tar.gz` beside the folder. */
  archive: boolean;
  /** Told about waiting for another writer and about leftovers of interrupted runs put right. */
  notify?: (message: string) => void;
}

export interface WrittenBundle {
  directory: string;
  archive?: string;
}

/**
 * Writes the bundle folder (and archive) so that `outputDir` gains the complete bundle or keeps
 * the one it had. Holding the folder's lock, it first finishes or clears what an interrupted run
 * left; builds everything under temporary names beside the target; then renames it into place
 * through a journal (see bundle-journal.ts). An existing bundle is replaced only with `force`.
 */
export async function writeBundle(name: string, files: Map<string, Buffer>, options: WriteBundleOptions): Promise<WrittenBundle> {
  const directory = path.join(options.outputDir, name);
  const archive = options.archive ? `${directory}.tar.gz` : undefined;
  const createdOutputDir = !existsSync(options.outputDir);
  const fail = (error: unknown) => asWriteError(error, directory);
  try {
    mkdirSync(options.outputDir, { recursive: true });
  } catch (error) {
    throw fail(error);
  }
  const release = await lockFolder(options.outputDir, { ...(options.notify && { notify: options.notify }) });
  let written = false;
  try {
    for (const note of recoverOutputFolder(options.outputDir)) options.notify?.(note);
    refuseToReplace([directory, archive], options.force);
    const moves = stage(options.outputDir, name, files, options.archive, fail);
    killPoint('staged');
    try {
      replaceJournaled(options.outputDir, moves);
    } catch (error) {
      throw interrupted(error, directory, options.outputDir);
    }
    written = true;
    return { directory, ...(archive && { archive }) };
  } finally {
    release();
    if (!written && createdOutputDir) rmSync(options.outputDir, { recursive: true, force: true });
  }
}

/** The bundle built beside its target, and the moves that put it in place (archive first). */
function stage(outputDir: string, name: string, files: Map<string, Buffer>, archive: boolean, fail: (error: unknown) => unknown): JournaledMove[] {
  const staged = `.${name}.partial-${randomBytes(6).toString('hex')}`;
  const stagingDir = path.join(outputDir, staged);
  try {
    mkdirSync(stagingDir); // as any folder, with the umask's permissions; fails if the name exists
    writeFiles(stagingDir, files);
    const folder: JournaledMove = { kind: 'folder', staged, target: name, previous: `${staged}.previous` };
    if (!archive) return [folder];
    writeDeterministicArchive(stagingDir, name, `${stagingDir}.tar.gz`);
    return [{ kind: 'archive', staged: `${staged}.tar.gz`, target: `${name}.tar.gz`, previous: `${staged}.tar.gz.previous` }, folder];
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    rmSync(`${stagingDir}.tar.gz`, { force: true });
    throw fail(error);
  }
}

function refuseToReplace(targets: Array<string | undefined>, force: boolean): void {
  const existing = targets.find((target) => target !== undefined && existsSync(target));
  if (existing && !force) throw new WriteError(`${existing}: already exists; sqlgen does not overwrite a bundle`, 'pass --force to replace it, or choose another --name');
}

function writeFiles(root: string, files: Map<string, Buffer>): void {
  const folders = new Set([root]);
  for (const [file, bytes] of files) {
    const target = path.join(root, ...file.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, bytes, { flag: 'wx' });
  }
}

/**
 * A failure while building names the bundle, not the temporary it was being built in, and
 * says that nothing changed; sqlgen's own refusals pass through.
 */
function asWriteError(error: unknown, directory: string): unknown {
  if (error instanceof SqlgenError && !(error instanceof WriteError)) return error;
  const cause = error instanceof WriteError ? (error.cause ?? error) : error;
  const code = (cause as NodeJS.ErrnoException).code ?? 'error';
  return new WriteError(`${directory}: cannot write the bundle (${code}); nothing was changed`, writeHint(cause), { file: directory }, { cause: error });
}

function interrupted(error: unknown, directory: string, outputDir: string): WriteError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const next = `the next \`sqlgen bundle\` into ${outputDir} finishes the replacement recorded in ${JOURNAL_FILE}`;
  return new WriteError(`${directory}: replacing the bundle failed half way (${code})`, `${writeHint(error)}; ${next}`, { file: directory }, { cause: error });
}
