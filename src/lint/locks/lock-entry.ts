/**
 * The lock report's shapes, the same for every dialect: which lock a statement takes on which
 * object, what that lock keeps other sessions from doing, and whether the statement rewrites or
 * reads the whole table while it holds it. A dialect's model (see lock-models.ts) fills them in.
 */
import type { LintContext, LintStatement, SourceLocation } from '../types.js';

/**
 * What other sessions' plain statements on the object wait for: `writes` (INSERT, UPDATE,
 * DELETE), `reads and writes` (SELECT too), `nothing`, or `unknown` when the model cannot tell.
 */
export const LOCK_BLOCKS = ['nothing', 'writes', 'reads and writes', 'unknown'] as const;
export type LockBlocks = (typeof LOCK_BLOCKS)[number];

/**
 * The table-wide work a statement does under its lock, weakest first: `scans` reads every row
 * (to validate a constraint or build an index), `rewrites` writes the table anew, `may rewrite`
 * does one or the other depending on what the server finds (a column's old type, say).
 */
export const LOCK_EFFECTS = ['none', 'scans', 'may rewrite', 'rewrites', 'unknown'] as const;
export type LockEffect = (typeof LOCK_EFFECTS)[number];

/** One lock of one statement, as a dialect's model finds it. */
export interface LockFact {
  /** The object locked, as the statement wrote it (`audit.events`, `orders`). */
  object: string;
  /** The lock, in the dialect's own words (`ACCESS EXCLUSIVE`), or `unknown`. */
  mode: string;
  blocks: LockBlocks;
  effect: LockEffect;
  /** What else a DBA should know: the condition of a `may rewrite`, a lock on another object... */
  note?: string;
}

/** A {@link LockFact} with the statement that takes it. */
export interface LockEntry extends LockFact {
  /** Where the statement starts: in a revision, the op call or SQL line that wrote it. */
  location: SourceLocation;
  /** The statement, shortened to one line. */
  statement: string;
}

/**
 * A dialect's lock model: the locks one statement takes, given what the script did before it;
 * none for a statement that takes no lock worth reporting (SET, SELECT 1). Never throws.
 */
export type StatementLocks = (statement: LintStatement, context: LintContext) => LockFact[];

/** The effect that says most about the work done: a rewrite over a scan over none. */
export function strongerEffect(a: LockEffect, b: LockEffect): LockEffect {
  return LOCK_EFFECTS.indexOf(a) >= LOCK_EFFECTS.indexOf(b) ? a : b;
}
