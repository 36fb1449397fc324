import { CompileError, describeThrown, SqlgenError, stackLocation } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';
import type { Revision } from '../revisions/types.js';
import { recordOperations, type CallSite } from './operations.js';
import { runIsolated } from './run-isolated.js';
import { isTableRebuild, type RecordedStep, type ShadowTracker } from './shadow-tracker.js';
import type { Statement, StatementSource } from './statement.js';

export type Direction = 'upgrade' | 'downgrade';

export interface CompileOptions {
  /** Follows the script for dialects that rebuild tables (SQLite); every revision of the script goes through it. */
  shadow?: ShadowTracker;
  /** Record the line of each op call in {@link Statement.source}, for lint findings; it costs a stack trace per call. */
  traceSources?: boolean;
}

/**
 * The statements of one direction of one revision. A function revision runs against recording
 * operations; a SQL revision's section is one verbatim statement block.
 */
export async function compileRevision(revision: Revision, direction: Direction, dialect: Dialect, { shadow, traceSources = false }: CompileOptions = {}): Promise<Statement[]> {
  // A statement SQLite rejects on the shadow must name its line, so SQLite scripts trace every op call.
  const steps = await recordRevision(revision, direction, dialect, traceSources || shadow !== undefined);
  if (shadow) return shadow.settle(steps, revision);
  if (steps.some(isTableRebuild)) throw new CompileError('NEEDS_LIVE_DATABASE', `${revision.file}: revision ${revision.id} rebuilds a table, which needs the script's shadow schema`, 'render it as part of a script (sqlgen upgrade/downgrade)', { file: revision.file });
  return steps as Statement[];
}

async function recordRevision(revision: Revision, direction: Direction, dialect: Dialect, traceSources: boolean): Promise<RecordedStep[]> {
  if (revision.dialect && revision.dialect !== dialect.id) {
    throw new CompileError('DIALECT_MISMATCH', `${revision.file}: revision ${revision.id} is written for ${revision.dialect}, not ${dialect.id}`, `render with --dialect ${revision.dialect}, or give the revision a version for ${dialect.id}`, { file: revision.file });
  }
  const step = revision[direction];
  switch (step.kind) {
    case 'none':
      throw new CompileError('NO_DOWNGRADE', `${revision.file}: revision ${revision.id} has no ${direction}`, `add a ${direction} to it, or leave it out of the range`, { file: revision.file });
    case 'sql':
      return step.sql.trim() === '' ? [] : [{ sql: step.sql, literals: [], origin: 'raw', kind: 'schema', transactional: true, operation: 'SQL section', source: sectionStart(step) }];
    case 'function':
    case 'recorded':
      return runModuleStep(revision, direction, dialect, traceSources);
  }
}

/** A module revision's step: as recorded before with the same inputs (see compiled-cache.ts), or run now. */
async function runModuleStep(revision: Revision, direction: Direction, dialect: Dialect, traceSources: boolean): Promise<RecordedStep[]> {
  const variant = JSON.stringify([dialect.id, dialect.minimumVersion ?? null, direction, traceSources]);
  const recorded = revision.compiled?.recorded(variant);
  if (recorded) return [...recorded];
  // A restored revision's step was a function when it was kept, and its bytes are the same.
  const step = (revision[direction].kind === 'function' ? revision[direction] : (await revision.compiled!.functions())[direction]) as FunctionStep;
  const steps = await runRecorded(revision, step.run, dialect, traceSources ? () => callSite(revision) : undefined);
  // A SQLite table rebuild is derived later from the shadow schema: not a plain statement to keep.
  if (!steps.some(isTableRebuild)) revision.compiled?.remember(variant, steps as Statement[]);
  return steps;
}

type FunctionStep = Extract<Revision['upgrade'], { kind: 'function' }>;

async function runRecorded(revision: Revision, run: FunctionStep['run'], dialect: Dialect, trace?: CallSite): Promise<RecordedStep[]> {
  const { operations, steps } = recordOperations(dialect, trace);
  // Errors raised deep in knex or a literal renderer must still show the revision's own frame.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 100;
  try {
    await runIsolated(revision.file, () => run(operations));
  } catch (error) {
    throw locatedIn(revision, error);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return steps;
}

/** Where the section's text starts: the renderer trims it, so the first line's indent is skipped too. */
function sectionStart(step: Extract<Revision['upgrade'], { kind: 'sql' }>): StatementSource {
  return { line: step.line, column: 1 + (/^[^\S\n]*/.exec(step.sql)?.[0].length ?? 0), verbatim: true };
}

/** Frames to look through for the revision's own: the op call is a few frames up, helpers add some. */
const CALL_SITE_DEPTH = 20;

/**
 * The revision file's line and column in the stack of the op call being recorded. V8's
 * structured call sites skip formatting and parsing a stack string: lint traces every op call.
 */
function callSite(revision: Revision): StatementSource | undefined {
  const { prepareStackTrace, stackTraceLimit } = Error;
  Error.stackTraceLimit = CALL_SITE_DEPTH;
  Error.prepareStackTrace = (_, sites) => sites;
  try {
    const sites = new Error('op call').stack as unknown as NodeJS.CallSite[];
    const site = sites.find((frame) => isFile(frame.getFileName(), revision.file));
    const line = site?.getLineNumber();
    return line ? { line, column: site?.getColumnNumber() ?? 1, verbatim: false } : undefined;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Whether a frame's absolute file name is the project-relative `file`. */
function isFile(frameFile: string | undefined | null, file: string): boolean {
  if (!frameFile?.endsWith(file)) return false;
  const before = frameFile.charAt(frameFile.length - file.length - 1);
  return before === '/' || before === '\\' || before === '';
}

/** The error, re-issued with the revision file and the line of the call that failed. */
function locatedIn(revision: Revision, error: unknown): SqlgenError {
  const line = stackLocation(error, revision.file)?.line;
  const where = line ? `${revision.file}:${line}` : revision.file;
  const location = { file: revision.file, ...(line && { line }) };
  const reason = describeThrown(error);
  if (error instanceof SqlgenError) return new SqlgenError(error.code, `${where}: ${error.message}`, error.hint, location, { cause: error });
  return new CompileError('REVISION_FAILED', `${where}: revision ${revision.id} failed while rendering: ${reason}`, 'fix the revision; run with --verbose for the stack trace', location, { cause: error });
}
