import { ExitCode, SqlgenError } from '../errors.js';

/** An error as the user sees it, in text or under `error` in `--json` output. */
export interface Failure {
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  exitCode: number;
  stack?: string;
  /** Extra fields of the typed error (revision ids, candidates). */
  details?: Record<string, unknown>;
}

/**
 * Turns a thrown value into a {@link Failure}. Returns undefined for oclif's own errors (`--help`,
 * exits), which oclif reports itself; a flag or argument error is a USAGE failure with exit 2.
 */
export function describeFailure(error: unknown, verbose: boolean, commandId = ''): Failure | undefined {
  if (isUsageError(error)) {
    return { code: 'USAGE', message: error.message.replace(/\nSee more help with --help$/, ''), hint: `run \`sqlgen ${commandId} --help\` for its flags and arguments`.replace('  ', ' '), exitCode: ExitCode.input };
  }
  if (error instanceof SqlgenError) {
    const { file, line, column } = error.location;
    return {
      code: error.code,
      message: error.message,
      hint: error.hint,
      ...(file !== undefined && { file }),
      ...(line !== undefined && { line }),
      ...(column !== undefined && { column }),
      exitCode: error.exitCode,
      ...detailsOf(error),
      ...(verbose && { stack: fullStack(error) }),
    };
  }
  if (isOclifError(error)) return undefined;
  return {
    code: 'INTERNAL',
    message: `internal error: ${thrownText(error)}`,
    hint: verbose ? 'this is a bug in sqlgen; please report it with the stack below' : 'this is a bug in sqlgen; run again with --verbose for the stack trace and report it',
    exitCode: ExitCode.internal,
    ...(verbose && { stack: fullStack(error) }),
  };
}

/** `error: <message>` then `hint: <hint>`, the way compilers print. */
export function formatFailure(failure: Failure): string {
  const lines = [`error: ${failure.message}`];
  if (failure.hint) lines.push(`hint: ${failure.hint}`);
  if (failure.stack) lines.push('', failure.stack);
  return lines.join('\n');
}

function detailsOf(error: SqlgenError): { details?: Record<string, unknown> } {
  const own = Object.fromEntries(
    Object.entries(error).filter(([key]) => !['code', 'hint', 'location', 'exitCode'].includes(key)),
  );
  return Object.keys(own).length > 0 ? { details: own } : {};
}

/** What was thrown, readably: a WebAssembly engine may throw a plain object, not an Error. */
function thrownText(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown !== 'object' || thrown === null) return String(thrown);
  try {
    return JSON.stringify(thrown);
  } catch {
    return `${String(thrown)} (${Object.keys(thrown).join(', ')})`;
  }
}

function fullStack(error: unknown): string {
  const chain: string[] = [];
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    chain.push(current instanceof Error ? String(current.stack) : thrownText(current));
  }
  return chain.join('\nCaused by: ');
}

/** oclif's parse errors (unknown flag, missing argument, bad option value) carry `parse`. */
function isUsageError(error: unknown): error is Error {
  return error instanceof Error && isOclifError(error) && 'parse' in error;
}

function isOclifError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'oclif' in error;
}
