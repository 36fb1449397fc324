/**
 * Typed errors. Every failure a user can cause is a {@link SqlgenError}: it carries a stable
 * `code`, the file (and line) it concerns where known, and a `hint` that says how to fix it.
 * The CLI translates them once, at the edge (src/cli/base-command.ts).
 */
import { escapeRegExp } from './regexp.js';

/** Process exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** Findings or a failed verification: the tool worked, the input did not pass. */
  findings: 1,
  /** Usage or input error: bad flags, config, revision files or specifiers. */
  input: 2,
  /** sysexits' EX_SOFTWARE: a bug in sqlgen, not in the input. */
  internal: 70,
} as const;

export interface ErrorLocation {
  /** Path relative to the project root where possible (never a secret). */
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Line and column of the first stack frame in `file`: an absolute path, or a project-relative
 * one matched as the end of a frame's path. Used to point at the revision line that failed.
 */
export function stackLocation(error: unknown, file: string): { line: number; column: number } | undefined {
  const stack = error instanceof Error ? String(error.stack) : '';
  const match = new RegExp(`(?:^|[\\s(/\\\\])${escapeRegExp(file)}:(\\d+):(\\d+)`, 'm').exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** What was thrown, readable: `throw {message: 'x'}` is not "[object Object]". */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return `${(error as { message: string }).message} (a thrown object, not an Error)`;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

export class SqlgenError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly location: ErrorLocation;
  readonly exitCode: number = ExitCode.input;

  constructor(code: string, message: string, hint: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
    this.location = location;
  }

  /** `file:line:col: ` prefix for messages, empty when the error concerns no file. */
  get where(): string {
    const { file, line, column } = this.location;
    if (!file) return '';
    return [file, line, line === undefined ? undefined : column].filter((part) => part !== undefined).join(':') + ': ';
  }
}

export class ConfigError extends SqlgenError {
  constructor(message: string, hint: string, location: ErrorLocation = {}) {
    super('CONFIG_INVALID', message, hint, location);
  }
}

/** A revision file could not be read, parsed, imported or validated. */
export class RevisionFileError extends SqlgenError {
  constructor(code: RevisionFileErrorCode, message: string, hint: string, location: ErrorLocation, options?: ErrorOptions) {
    super(code, message, hint, location, options);
  }
}
export type RevisionFileErrorCode =
  | 'REVISION_UNREADABLE'
  | 'REVISION_SYNTAX'
  | 'REVISION_IMPORT'
  | 'REVISION_INVALID'
  | 'REVISION_ID_MISMATCH'
  | 'REVISION_CHANGED';

/** The revision graph is inconsistent (cycle, missing parent, duplicate id, ...). */
export class GraphError extends SqlgenError {
  /** The revision ids involved, for --json consumers. */
  readonly revisions: string[];
  constructor(code: GraphErrorCode, message: string, hint: string, revisions: string[], location: ErrorLocation = {}) {
    super(code, message, hint, location);
    this.revisions = revisions;
  }
}
export type GraphErrorCode =
  | 'CYCLE'
  | 'MISSING_PARENT'
  | 'MISSING_DEPENDENCY'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_LABEL'
  | 'BAD_LABEL'
  | 'SELF_REFERENCE';

/** A revision specifier (id, prefix, `head`, `label@head`, `rev+2`, `a:b`) could not be resolved. */
export class ResolutionError extends SqlgenError {
  readonly specifier: string;
  /** Candidates the user may have meant (ambiguous prefix, several heads). */
  readonly candidates: string[];
  constructor(code: ResolutionErrorCode, specifier: string, message: string, hint: string, candidates: string[] = []) {
    super(code, message, hint);
    this.specifier = specifier;
    this.candidates = candidates;
  }
}
export type ResolutionErrorCode =
  | 'UNKNOWN_REVISION'
  | 'AMBIGUOUS_REVISION'
  | 'MULTIPLE_HEADS'
  | 'MULTIPLE_BASES'
  | 'AMBIGUOUS_STEP'
  | 'STEP_OUT_OF_RANGE'
  | 'BAD_SPECIFIER'
  | 'BAD_RANGE';

/** A file sqlgen was asked to write already exists, or the target folder is not usable. */
export class WriteError extends SqlgenError {
  constructor(message: string, hint: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super('WRITE_REFUSED', message, hint, location, options);
  }
}

/** `revisions/sqlgen.sum` cannot be read or parsed, or does not match the revisions it guards. */
export class IntegrityError extends SqlgenError {
  constructor(code: IntegrityErrorCode, message: string, hint: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(code, message, hint, location, options);
  }
}
export type IntegrityErrorCode = 'SUM_INVALID' | 'SUM_UNREADABLE' | 'SUM_OUT_OF_DATE';

/** A value has no safe literal form in the target dialect (NaN on MySQL, NUL in text, ...). */
export class LiteralError extends SqlgenError {
  constructor(message: string, hint: string) {
    super('LITERAL_UNSUPPORTED', message, hint);
  }
}

/** A revision asked for something the offline compiler cannot render correctly. */
export class CompileError extends SqlgenError {
  constructor(code: CompileErrorCode, message: string, hint: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(code, message, hint, location, options);
  }
}
export type CompileErrorCode =
  | 'NEEDS_LIVE_DATABASE'
  | 'SHADOW_REPLAY_FAILED'
  | 'UNEXPECTED_STATEMENTS'
  | 'UNSUPPORTED_OPERATION'
  | 'DIALECT_MISMATCH'
  | 'NO_DOWNGRADE'
  | 'REVISION_FAILED';

/**
 * A bundle, checksum list, signature, key or archive is malformed or failed to verify. A failed
 * check exits with {@link ExitCode.findings}; input sqlgen cannot use exits with
 * {@link ExitCode.input}.
 */
export class BundleError extends SqlgenError {
  override readonly exitCode: number;
  constructor(code: BundleErrorCode, message: string, hint: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(code, message, hint, location, options);
    this.exitCode = BUNDLE_EXIT_CODES[code];
  }
}
export type BundleErrorCode = 'BUNDLE_INVALID' | 'KEY_INVALID' | 'ARCHIVE_INVALID' | 'CHECKSUM_MISMATCH' | 'SIGNATURE_INVALID' | 'LINT_ERRORS';

/** Unusable input is an input error; a check that ran and failed is a finding. */
const BUNDLE_EXIT_CODES: Record<BundleErrorCode, number> = {
  BUNDLE_INVALID: ExitCode.input,
  KEY_INVALID: ExitCode.input,
  ARCHIVE_INVALID: ExitCode.input,
  CHECKSUM_MISMATCH: ExitCode.findings,
  SIGNATURE_INVALID: ExitCode.findings,
  LINT_ERRORS: ExitCode.findings,
};

/**
 * A rehearsal stopped: a script failed on the embedded engine or left the wrong state (a
 * finding, exit 1), or the input cannot be rehearsed: the seed file, which is the user's own,
 * did not run, or the dialect has no embedded engine (exit 2).
 */
export class RehearsalError extends SqlgenError {
  override readonly exitCode: number;
  constructor(code: 'REHEARSAL_FAILED' | 'SEED_FAILED' | 'NO_EMBEDDED_ENGINE', message: string, hint: string, location: ErrorLocation = {}) {
    super(code, message, hint, location);
    this.exitCode = code === 'REHEARSAL_FAILED' ? ExitCode.findings : ExitCode.input;
  }
}

/** The declared schema (config `schema`) cannot be read, or the engine refused a statement of it. */
export class SchemaFileError extends SqlgenError {
  constructor(code: 'SCHEMA_MISSING' | 'SCHEMA_INVALID', message: string, hint: string, location: ErrorLocation = {}) {
    super(code, message, hint, location);
  }
}

/**
 * Autogenerate could not write a revision that provably takes head to the declared schema: a
 * difference it cannot express, or its revision did not reproduce the schema on the engine.
 */
export class AutogenerateError extends SqlgenError {
  constructor(code: 'BAD_RENAME' | 'PROOF_FAILED', message: string, hint: string) {
    super(code, message, hint);
  }
}

/** `sqlgen lint` was given something it cannot lint: an unreadable file, or SQL of no known dialect. */
export class LintInputError extends SqlgenError {
  constructor(code: LintInputErrorCode, message: string, hint: string, location: ErrorLocation = {}) {
    super(code, message, hint, location);
  }
}
export type LintInputErrorCode = 'UNREADABLE_INPUT' | 'NO_DIALECT' | 'CONFLICTING_INPUTS' | 'UNKNOWN_SERVER';
