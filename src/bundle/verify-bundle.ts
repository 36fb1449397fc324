import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { BundleError, SqlgenError } from '../errors.js';
import type { Project } from '../project.js';
import { MAX_UNPACKED_BYTES, readArchive } from './archive.js';
import { pendingReplacement } from './bundle-journal.js';
import { readBundleFolder } from './read-bundle-folder.js';
import { assembleBundle, BUNDLE_FILES } from './assemble-bundle.js';
import { compareBytewise } from './bundle-path.js';
import { sha256Hex } from '../sha256.js';
import { parseSha256Sums } from './checksums.js';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_1, parseManifest, type AnyManifest, type Manifest } from './manifest.js';
import { firstDifference } from './line-diff.js';
import type { RehearsalRequest } from '../rehearse/rehearse-bundle.js';
import { publicKeyFingerprint, verifyBytes } from './signing.js';

/** What is wrong with one file of a bundle; a file may have several problems, each reported once. */
export interface VerifyProblem {
  file: string;
  problem: 'edited' | 'missing' | 'unexpected' | 'invalid' | 'bad signature' | 'unsigned' | 'differs from source' | 'not rebuildable' | 'interrupted';
  detail: string;
  /** For a per-revision file that differs from source: the revision it was rendered from. */
  revision?: { id: string; source: string; sourceEdited: boolean };
  /** For a file that differs from source: where the bundle's text and the re-rendered one first differ (unified style). */
  diff?: string[];
}

export interface VerifyReport {
  bundle: string;
  ok: boolean;
  problems: VerifyProblem[];
  /** `valid`/`invalid` with a key; `not checked` without one; `absent` when unsigned. */
  signature: 'valid' | 'invalid' | 'not checked' | 'absent';
  signedBy?: string;
  rebuilt: boolean;
  files: number;
}

export interface VerifyRequest {
  /** A bundle folder or a `.tar.gz` archive of one. */
  target: string;
  publicKey?: KeyObject;
  /** Opens the project to re-render the bundle from, in the bundle's dialect (`--rebuild`). */
  rebuildFrom?: (dialect: Manifest['dialect']) => Promise<Project>;
}

/**
 * Checks a bundle: SHA256SUMS against every file, no file missing or extra, the manifest against
 * its schema and against the files, the signature when a public key is given, and with a
 * project, that re-rendering the range gives the same bytes. Every problem is reported, not
 * only the first.
 */
export async function verifyBundle(request: VerifyRequest): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const { digests, bytes, text } = readBundle(request.target, problems);
  if (digests.size === 0) return { bundle: request.target, ok: false, problems, signature: 'not checked', rebuilt: false, files: 0 };
  const manifest = readManifest(bytes, problems);
  append(problems, checksumProblems(bytes, digests, manifest));
  if (manifest) append(problems, manifestDigestProblems(manifest, digests));
  const signature = checkSignature(bytes, request.publicKey, problems);
  if (manifest && request.rebuildFrom) append(problems, await rebuildProblems(manifest, { digests, bytes, text }, await request.rebuildFrom(manifest.dialect)));
  return {
    bundle: request.target,
    ok: problems.length === 0,
    problems: dedupe(problems).sort((a, b) => compareBytewise(a.file, b.file)),
    signature,
    ...(request.publicKey && signature === 'valid' && { signedBy: publicKeyFingerprint(request.publicKey) }),
    rebuilt: request.rebuildFrom !== undefined && manifest !== undefined,
    files: digests.size,
  };
}

/** `push(...many)` passes every element on the stack: a crafted bundle with 100,000s of problems overflows it. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Each file's SHA-256, and the bytes of the files verify reads (manifest, signature, checksums). */
interface BundleFiles {
  digests: Map<string, string>;
  bytes: Map<string, Buffer>;
  /** A file's text for a diff, when it is small enough to show (undefined otherwise). */
  text(file: string): string | undefined;
}

/** Files larger than this are not read again for a diff. */
const MAX_DIFF_BYTES = 4 * 1024 * 1024;

const READ_FILES: ReadonlySet<string> = new Set([BUNDLE_FILES.manifest, BUNDLE_FILES.signature, BUNDLE_FILES.checksums]);
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** The bundle's files; a damaged bundle is a failed check (reported), not an input error. */
function readBundle(target: string, problems: VerifyProblem[]): BundleFiles {
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    const pending = pendingReplacement(path.dirname(target), path.basename(target));
    throw new BundleError('BUNDLE_INVALID', `${target}: ${pending ? `not there: ${pending}` : 'no such bundle folder or archive'}`, NOT_A_BUNDLE_HINT);
  }
  if (stats.isDirectory()) return readFolder(target, problems);
  if (!stats.isFile()) throw new BundleError('BUNDLE_INVALID', `${target}: not a folder or a file`, NOT_A_BUNDLE_HINT);
  if (!startsWith(target, GZIP_MAGIC)) throw new BundleError('BUNDLE_INVALID', `${target}: not a bundle: neither a bundle folder nor a .tar.gz archive`, NOT_A_BUNDLE_HINT);
  append(problems, pendingSwapProblems(target));
  try {
    const { files } = readArchive(target);
    const digests = new Map([...files].map(([file, body]) => [file, sha256Hex(body)]));
    const text = (file: string) => {
      const body = files.get(file);
      return body && body.length <= MAX_DIFF_BYTES ? body.toString('utf8') : undefined;
    };
    return { digests, bytes: new Map([...files].filter(([file]) => READ_FILES.has(file))), text };
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    problems.push({ file: path.basename(target), problem: 'invalid', detail: error.message });
    return { digests: new Map(), bytes: new Map(), text: () => undefined };
  }
}

const NOT_A_BUNDLE_HINT = 'give the folder `sqlgen bundle` wrote, or its .tar.gz';

function startsWith(file: string, magic: Buffer): boolean {
  const head = Buffer.alloc(magic.length);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    return readSync(descriptor, head, 0, head.length, 0) === head.length && head.equals(magic);
  } catch {
    return true; // readArchive names the reason it cannot be read
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Every regular file below `root` by digest; links, devices, odd names and excess are problems. */
function readFolder(root: string, problems: VerifyProblem[]): BundleFiles {
  const contents = readBundleFolder(root, READ_FILES, MAX_UNPACKED_BYTES);
  if (!contents.digests.has(BUNDLE_FILES.manifest) && !contents.digests.has(BUNDLE_FILES.checksums)) {
    throw new BundleError('BUNDLE_INVALID', `${root}: not a bundle: it has neither ${BUNDLE_FILES.manifest} nor ${BUNDLE_FILES.checksums}`, NOT_A_BUNDLE_HINT);
  }
  append(problems, pendingSwapProblems(root));
  for (const { file, detail } of contents.refused) problems.push({ file, problem: 'invalid', detail });
  return { digests: contents.digests, bytes: contents.bytes, text: (file) => (contents.digests.has(file) ? smallFileText(path.join(root, file)) : undefined) };
}

/** A regular file's text (links are not followed), unless it is too large to diff. */
function smallFileText(file: string): string | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    const { size } = fstatSync(descriptor);
    if (size > MAX_DIFF_BYTES) return undefined;
    const buffer = Buffer.alloc(size);
    return buffer.subarray(0, readSync(descriptor, buffer, 0, size, 0)).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** A replacement of this bundle that was interrupted: what is on disk may be half old, half new. */
function pendingSwapProblems(target: string): VerifyProblem[] {
  const pending = pendingReplacement(path.dirname(target), path.basename(target));
  return pending ? [{ file: path.basename(target), problem: 'interrupted', detail: pending }] : [];
}

/**
 * Files that disagree with SHA256SUMS. When the file agrees with manifest.json instead, the list
 * is what was edited, and the problem names SHA256SUMS.
 */
function checksumProblems(files: ReadonlyMap<string, Buffer>, actual: ReadonlyMap<string, string>, manifest: AnyManifest | undefined): VerifyProblem[] {
  const listing = files.get(BUNDLE_FILES.checksums);
  if (!listing) return [{ file: BUNDLE_FILES.checksums, problem: 'missing', detail: 'the checksum list is missing, so no file can be checked against it' }];
  let listed: Map<string, string>;
  try {
    listed = parseSha256Sums(listing.toString('utf8'), BUNDLE_FILES.checksums);
  } catch (error) {
    return [{ file: BUNDLE_FILES.checksums, problem: 'invalid', detail: (error as Error).message }];
  }
  const vouched = new Map(manifest?.files.map(({ file, sha256 }) => [file, sha256]));
  const vouchedFor = (file: string) => vouched.get(file) === actual.get(file);
  const listEdited = (detail: string): VerifyProblem => ({ file: BUNDLE_FILES.checksums, problem: 'edited', detail });
  const problems: VerifyProblem[] = [];
  for (const [file, sha256] of listed) {
    if (!actual.has(file)) problems.push(vouched.has(file) ? { file, problem: 'missing', detail: 'listed in SHA256SUMS and manifest.json but not in the bundle' } : { file, problem: 'missing', detail: 'listed in SHA256SUMS but not in the bundle' });
    else if (actual.get(file) !== sha256) problems.push(vouchedFor(file) ? listEdited(`its line for ${file} differs from the file, which matches manifest.json`) : { file, problem: 'edited', detail: 'its SHA-256 differs from SHA256SUMS' });
  }
  for (const file of actual.keys()) {
    if (file === BUNDLE_FILES.checksums || listed.has(file)) continue;
    problems.push(vouchedFor(file) ? listEdited(`it does not list ${file}, which manifest.json lists`) : { file, problem: 'unexpected', detail: 'not listed in SHA256SUMS' });
  }
  return problems;
}

function readManifest(files: ReadonlyMap<string, Buffer>, problems: VerifyProblem[]): AnyManifest | undefined {
  const bytes = files.get(BUNDLE_FILES.manifest);
  if (!bytes) return undefined; // reported by the checksum check, or there is no manifest to check
  const parsed = parseManifest(bytes.toString('utf8'));
  if ('manifest' in parsed) return parsed.manifest;
  problems.push({ file: BUNDLE_FILES.manifest, problem: 'invalid', detail: parsed.problem });
  return undefined;
}

/** The manifest is what the signature covers: each file must also match the digest it lists. */
function manifestDigestProblems(manifest: AnyManifest, actual: ReadonlyMap<string, string>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const listed = new Set(manifest.files.map((digest) => digest.file));
  for (const { file, sha256 } of manifest.files) {
    if (!actual.has(file)) problems.push({ file, problem: 'missing', detail: 'listed in manifest.json but not in the bundle' });
    else if (actual.get(file) !== sha256) problems.push({ file, problem: 'edited', detail: 'its SHA-256 differs from manifest.json' });
  }
  const ownFiles: string[] = [BUNDLE_FILES.manifest, BUNDLE_FILES.signature, BUNDLE_FILES.checksums];
  for (const file of actual.keys()) {
    if (!listed.has(file) && !ownFiles.includes(file)) problems.push({ file, problem: 'unexpected', detail: 'not listed in manifest.json' });
  }
  return problems;
}

function checkSignature(files: ReadonlyMap<string, Buffer>, publicKey: KeyObject | undefined, problems: VerifyProblem[]): VerifyReport['signature'] {
  const signature = files.get(BUNDLE_FILES.signature);
  const manifest = files.get(BUNDLE_FILES.manifest);
  if (!signature) {
    if (publicKey) problems.push({ file: BUNDLE_FILES.signature, problem: 'unsigned', detail: 'a public key was given, but the bundle has no signature' });
    return 'absent';
  }
  if (!publicKey) return 'not checked';
  if (manifest && verifyBytes(manifest, signature, publicKey)) return 'valid';
  problems.push({ file: BUNDLE_FILES.signature, problem: 'bad signature', detail: 'it is not a signature of manifest.json by the given public key' });
  return 'invalid';
}

/**
 * Re-renders the manifest's range from the project and compares every rendered file; a file that
 * differs shows where, and a per-revision file names the revision (and source) it came from.
 */
async function rebuildProblems(manifest: AnyManifest, bundle: BundleFiles, project: Project): Promise<VerifyProblem[]> {
  if (manifest.format !== MANIFEST_FORMAT) {
    const before = manifest.format === MANIFEST_FORMAT_1 ? 'version guards' : 'rehearsals';
    return [{ file: BUNDLE_FILES.manifest, problem: 'not rebuildable', detail: `a ${manifest.format} bundle was written before ${before}; this sqlgen re-renders only its own format, so check it without --rebuild` }];
  }
  const rebuilt = await assembleBundle(project, {
    from: manifest.from,
    to: manifest.to,
    name: manifest.name,
    ...(manifest.ticket !== undefined && { ticket: manifest.ticket }),
    signed: bundle.bytes.has(BUNDLE_FILES.signature),
    allowLintErrors: manifest.lint.errorsAllowed,
    guards: manifest.guards,
    rehearsal: recordedRehearsal(manifest.rehearsal, project),
  }).catch((error: unknown) => {
    if (error instanceof SqlgenError) throw new BundleError('BUNDLE_INVALID', `cannot re-render the bundle from the current revisions: ${error.message}`, error.hint, error.location, { cause: error });
    throw error;
  });
  const problems: VerifyProblem[] = [];
  for (const [file, text] of rebuilt.files) {
    const digest = bundle.digests.get(file);
    if (!digest) problems.push({ file, problem: 'missing', detail: 're-rendering the range from the revisions produces this file' });
    else if (digest !== sha256Hex(text)) problems.push(differsFromSource(file, text, bundle, manifest, rebuilt.manifest));
  }
  return problems;
}

/** The rehearsal the bundle had, to re-render the same README and schema.sql: its seed, and whether it ran. */
function recordedRehearsal(record: Manifest['rehearsal'], project: Project): RehearsalRequest {
  return {
    enabled: record.status !== 'skipped',
    allowFailure: record.failureAllowed,
    ...(record.seed && { seed: path.resolve(project.config.projectRoot, record.seed.file) }),
  };
}

function differsFromSource(file: string, rebuiltText: string, bundle: BundleFiles, manifest: Manifest, rebuilt: Manifest): VerifyProblem {
  const bundled = manifest.revisions.find((revision) => revision.upgrade.file === file || revision.downgrade.file === file);
  const now = bundled && rebuilt.revisions.find((revision) => revision.id === bundled.id);
  const revision = bundled && { id: bundled.id, source: bundled.source.file, sourceEdited: now?.source.sha256 !== bundled.source.sha256 };
  const bundledText = bundle.text(file);
  const diff = bundledText === undefined ? [] : firstDifference(bundledText, rebuiltText);
  const from = revision ? `: revision ${revision.id} (${revision.source}${revision.sourceEdited ? ', edited since the bundle' : ''}) renders it differently now` : '';
  return {
    file,
    problem: 'differs from source',
    detail: `re-rendering the range from the current revisions gives different bytes${from}`,
    ...(revision && { revision }),
    ...(diff.length > 0 && { diff }),
  };
}

function dedupe(problems: VerifyProblem[]): VerifyProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\0${problem.problem}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
