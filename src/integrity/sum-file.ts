/**
 * `revisions/sqlgen.sum`: a chained SHA-256 over every revision file and every local module the
 * revisions import, in graph order. Pure: building, printing and parsing the text, and checking
 * that its chain adds up.
 *
 * The format (version 2), one record per line, `\n` line ends:
 *
 * ```
 * sqlgen-sum 2 total:<chain of the last line>
 * <path> sha256:<SHA-256 of the file's bytes> chain:<SHA-256 of "<previous chain>\n<sha256>\n<path>\n">
 * <path> sha256:<SHA-256> imported-by:<revision path> chain:<SHA-256 of "<previous chain>\n<sha256>\n<path>\n<revision path>\n">
 * ```
 *
 * A revision's record is followed by the records of the local modules it imports through
 * relative specifiers (transitively, found statically by the loader) that no earlier revision
 * imports. Version 1 had revision records only; it is still read.
 *
 * Paths are project-relative with `/`; digests are lowercase hex. The first line's previous
 * chain is 64 zeros, and so is the total of a sum over no revisions. Because each chain covers
 * the one before it, an edit, insertion or removal changes every line from there on and the
 * header; two branches that each append a revision change the same lines differently, so git
 * reports a conflict instead of merging both silently.
 *
 * @example
 * const sum = buildSum([{ file: 'revisions/a1b2_init.ts', sha256: '9f…' }]);
 * parseSum(formatSum(sum), 'revisions/sqlgen.sum'); // deep-equals sum
 */
import { sha256Hex } from '../sha256.js';
import { IntegrityError } from '../errors.js';

/** The sum file's name, inside the revisions folder. */
export const SUM_FILE_NAME = 'sqlgen.sum';

const FORMAT_VERSION = 2;
const FORMAT_TAG = `sqlgen-sum ${FORMAT_VERSION}`;
const GENESIS = '0'.repeat(64);
const HEADER = /^sqlgen-sum ([12]) total:([0-9a-f]{64})$/;
const RECORD = /^(.+?) sha256:([0-9a-f]{64})(?: imported-by:(.+))? chain:([0-9a-f]{64})$/;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})/;

/**
 * A file as the sum records it: its project-relative path and the SHA-256 of its bytes; for a
 * local module a revision imports, the first revision (in graph order) that imports it.
 */
export interface SumEntry {
  file: string;
  sha256: string;
  importedBy?: string;
}

/** One record of a sum file, with its chained digest and its 1-based line. */
export interface SumRecord extends SumEntry {
  chain: string;
  line: number;
}

/** A sum file's content: its format version, the total from its header, and its records in order. */
export interface SumFile {
  version: 1 | 2;
  total: string;
  records: SumRecord[];
}

/** Chains the entries, in the order given (the graph's order). */
export function buildSum(entries: readonly SumEntry[]): SumFile {
  let chain = GENESIS;
  const records = entries.map((entry, index) => {
    assertOneLine(entry.file);
    chain = chainAfter(chain, entry);
    return { ...entry, chain, line: index + 2 };
  });
  return { version: FORMAT_VERSION, total: chain, records };
}

/** The file's text: the header, then one line per record, each ending in `\n`. */
export function formatSum(sum: SumFile): string {
  const lines = sum.records.map((record) => `${record.file} sha256:${record.sha256}${record.importedBy ? ` imported-by:${record.importedBy}` : ''} chain:${record.chain}`);
  return [`${FORMAT_TAG} total:${sum.total}`, ...lines, ''].join('\n');
}

/**
 * Reads a sum file's text. Throws {@link IntegrityError} SUM_INVALID naming `shown` and the line
 * for anything `formatSum` would not write (a `\r\n` line end is accepted). It does not check
 * the chain: see {@link firstBrokenLine}.
 */
export function parseSum(text: string, shown: string): SumFile {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  const header = HEADER.exec(lines[0] ?? '');
  if (!header?.[2]) throw invalidLine(shown, 1, lines[0] ?? '', `the first line is not the header \`${FORMAT_TAG} total:<sha256>\``);
  const version = header[1] === '1' ? 1 : 2;
  const seen = new Set<string>();
  const records = lines.slice(1).map((text, index) => {
    const line = index + 2;
    const [, file = '', sha256 = '', importedBy, chain = ''] = RECORD.exec(text) ?? [];
    if (!file || (importedBy !== undefined && version === 1)) throw invalidLine(shown, line, text, 'not a record `<path> sha256:<hex> chain:<hex>`');
    if (seen.has(file)) throw invalidLine(shown, line, text, `${file} is listed twice`);
    seen.add(file);
    return { file, sha256, ...(importedBy !== undefined && { importedBy }), chain, line };
  });
  return { version, total: header[2], records };
}

/** {@link parseSum}, with a SUM_INVALID error returned instead of thrown. */
export function parseSumOrError(text: string, shown: string): SumFile | IntegrityError {
  try {
    return parseSum(text, shown);
  } catch (error) {
    if (error instanceof IntegrityError) return error;
    throw error;
  }
}

/**
 * The line of the first record whose chain does not follow from the records before it, or 1
 * when only the header's total is wrong; `undefined` when the sum adds up. A record edited,
 * moved or deleted by hand breaks the chain.
 */
export function firstBrokenLine(sum: SumFile): number | undefined {
  let chain = GENESIS;
  for (const record of sum.records) {
    chain = chainAfter(chain, record);
    if (chain !== record.chain) return record.line;
  }
  return chain === sum.total ? undefined : 1;
}

function chainAfter(previous: string, entry: SumEntry): string {
  return sha256Hex(`${previous}\n${entry.sha256}\n${entry.file}\n${entry.importedBy === undefined ? '' : `${entry.importedBy}\n`}`);
}

function assertOneLine(file: string): void {
  if (/[\r\n]/.test(file) || / (sha256|imported-by|chain):/.test(file)) {
    throw new IntegrityError('SUM_INVALID', `${JSON.stringify(file)}: a file name with a line break or a sum keyword cannot be recorded in ${SUM_FILE_NAME}`, 'rename the file', { file });
  }
}

function invalidLine(shown: string, line: number, text: string, problem: string): IntegrityError {
  const hint = CONFLICT_MARKER.test(text)
    ? 'git left merge-conflict markers in it: two branches added revisions at once. Merge the revisions (`sqlgen heads`, `sqlgen merge`) and run `sqlgen hash` to rewrite it'
    : 'run `sqlgen hash` to rewrite it from the revision files, after checking that they are the ones you expect';
  return new IntegrityError('SUM_INVALID', `${shown}:${line}: ${problem}`, hint, { file: shown, line });
}
