import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { SqlgenError, WriteError } from '../errors.js';
import { writeDeterministicArchive } from './archive.js';
import { BUNDLE_FILES, type AssembledBundle } from './assemble-bundle.js';
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
}

export interface WrittenBundle {
  directory: string;
  archive?: string;
}

/**
 * Writes the bundle folder (and archive) so that `outputDir` either gains the complete bundle
 * or stays exactly as it was: everything is built under temporary names beside the target and
 * renamed into place at the end; an existing bundle is replaced only with `force`.
 */
export function writeBundle(name: string, files: Map<string, Buffer>, options: WriteBundleOptions): WrittenBundle {
  const directory = path.join(options.outputDir, name);
  const archive = options.archive ? `${directory}.tar.gz` : undefined;
  refuseToReplace([directory, archive], options.force);
  const createdOutputDir = !existsSync(options.outputDir);
  const staged: string[] = [];
  try {
    mkdirSync(options.outputDir, { recursive: true });
    const stagingDir = mkdtempSync(path.join(options.outputDir, `.${name}.partial-`));
    staged.push(stagingDir);
    writeFiles(stagingDir, files);
    const moves: Array<[string, string]> = [[stagingDir, directory]];
    if (archive) {
      const stagingArchive = `${stagingDir}.tar.gz`;
      staged.push(stagingArchive);
      writeDeterministicArchive(stagingDir, name, stagingArchive);
      moves.unshift([stagingArchive, archive]);
    }
    moveIntoPlace(moves);
    return { directory, ...(archive && { archive }) };
  } catch (error) {
    for (const leftover of staged) rmSync(leftover, { recursive: true, force: true });
    if (createdOutputDir) rmSync(options.outputDir, { recursive: true, force: true });
    throw asWriteError(error, options.outputDir);
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
 * Renames each staged path onto its target. A replaced target is first set aside and removed
 * only once every rename succeeded; on failure the earlier renames are undone.
 */
function moveIntoPlace(moves: Array<[string, string]>): void {
  const done: Array<{ staged: string; target: string; previous?: string; moved: boolean }> = [];
  try {
    for (const [staged, target] of moves) {
      const move = { staged, target, moved: false, ...(existsSync(target) && { previous: `${staged}.previous` }) };
      done.push(move);
      if (move.previous) renameSync(target, move.previous);
      renameSync(staged, target);
      move.moved = true;
    }
  } catch (error) {
    for (const move of done.reverse()) {
      if (move.moved) renameSync(move.target, move.staged);
      if (move.previous && existsSync(move.previous)) renameSync(move.previous, move.target);
    }
    throw error;
  }
  for (const { previous } of done) if (previous) rmSync(previous, { recursive: true, force: true });
}

/** sqlgen's own errors pass through; a failure of the file system becomes a WriteError. */
function asWriteError(error: unknown, outputDir: string): unknown {
  if (error instanceof SqlgenError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new WriteError(`${outputDir}: cannot write the bundle (${code}); nothing was changed`, 'check that the output folder is writable and the disk has room');
}
