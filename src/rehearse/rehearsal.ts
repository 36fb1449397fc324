import type { ApplyOutcome, EmbeddedEngine, FailedStatement, SnapshotOptions } from '../engines/engine.js';
import { describeChanges, describeMismatch } from '../schema/describe-change.js';
import { diffSnapshots, type SchemaChange } from '../schema/schema-diff.js';
import type { Snapshot } from '../schema/snapshot.js';

/** A script with the name it goes by in the report (a bundle path, or the seed's project path). */
export interface NamedScript {
  file: string;
  sql: string;
}

/** What a rehearsal runs: the bundle's files as the DBA gets them, and how to reach the start state. */
export interface RehearsalScripts {
  /** sqlgen's own upgrade script from base to the start revision; absent when the bundle starts at base. */
  setup?: NamedScript;
  /** Representative rows, run at the start state. */
  seed?: NamedScript;
  upgrade: NamedScript;
  downgrade: NamedScript;
  /** In upgrade order. */
  revisions: ReadonlyArray<{ id: string; up: NamedScript; down: NamedScript }>;
}

export type RehearsalStep = 'start state' | 'seed' | 'per-revision upgrade' | 'per-revision downgrade' | 'upgrade' | 'downgrade' | 'upgrade again';

/** Why a rehearsal stopped: a statement the engine refused, or a state other than the expected one. */
export interface RehearsalFailure {
  step: RehearsalStep;
  /** The revision whose statement failed or whose script left the wrong state, when one can be named. */
  revision?: string;
  file: string;
  /** The failed statement's line and text, for a refused statement. */
  line?: number;
  statement?: string;
  /** The engine's message, or what differs from the expected state. */
  message: string;
  /** For a state mismatch: each difference, as `column customers.loyalty_points still exists`. */
  differences?: string[];
  /** What the script printed before it stopped (SQLite's guard prints what it found). */
  output?: string[];
}

export type RehearsalResult =
  | { outcome: 'passed'; states: RevisionStates }
  | { outcome: 'failed'; failure: RehearsalFailure }
  /** The engine cannot run a statement a server can; nothing after it was rehearsed. */
  | { outcome: 'not rehearsable'; failure: RehearsalFailure; reason: string };

/** The start state, then the state after each revision, read from the engine. */
export interface RevisionStates {
  start: Snapshot;
  /** In upgrade order, one per revision. */
  after: Snapshot[];
}

/** Stops the rehearsal with a result (thrown inside {@link rehearse} only). */
class Stop {
  constructor(readonly result: RehearsalResult) {}
}

/**
 * Rehearses a bundle on a fresh embedded database. The per-revision files run first, so a wrong
 * state names the revision: each `.up.sql` in order (the state after each is kept), each
 * `.down.sql` in reverse (each must give back the state before its revision), then `upgrade.sql`
 * (the last state), `downgrade.sql` (the start state) and `upgrade.sql` again (the same state as
 * the first time). The first failure stops it.
 */
export async function rehearse(engine: EmbeddedEngine, scripts: RehearsalScripts): Promise<RehearsalResult> {
  try {
    if (scripts.setup) await run(engine, 'start state', scripts.setup);
    if (scripts.seed) await run(engine, 'seed', scripts.seed);
    const start = await engine.snapshot();
    const after: Snapshot[] = [];
    for (const { id, up } of scripts.revisions) {
      await run(engine, 'per-revision upgrade', up, id);
      after.push(await engine.snapshot());
    }
    if (after.length > 0) await crossCheck(engine, after.at(-1)!);
    for (let index = scripts.revisions.length - 1; index >= 0; index--) {
      const { id, down } = scripts.revisions[index]!;
      await run(engine, 'per-revision downgrade', down, id);
      await expectState(engine, index === 0 ? start : after[index - 1]!, { step: 'per-revision downgrade', file: down.file, revision: id }, `after ${down.file} (downgrade of ${id})`);
    }
    const last = after.at(-1) ?? start;
    await run(engine, 'upgrade', scripts.upgrade);
    await expectState(engine, last, { step: 'upgrade', file: scripts.upgrade.file }, `after ${scripts.upgrade.file}, compared with the per-revision files`, { fresh: true });
    await run(engine, 'downgrade', scripts.downgrade);
    await expectState(engine, start, { step: 'downgrade', file: scripts.downgrade.file }, `after ${scripts.downgrade.file}`, { fresh: true });
    await run(engine, 'upgrade again', scripts.upgrade);
    await expectState(engine, last, { step: 'upgrade again', file: scripts.upgrade.file }, `after ${scripts.upgrade.file} run again`, { fresh: true });
    return { outcome: 'passed', states: { start, after } };
  } catch (error) {
    if (error instanceof Stop) return error.result;
    throw error;
  }
}

async function run(engine: EmbeddedEngine, step: RehearsalStep, script: NamedScript, revision?: string): Promise<void> {
  const outcome: ApplyOutcome = await engine.apply(script.sql, script.file);
  if (outcome.ok) return;
  const failure = refusedStatement(step, outcome, revision ?? revisionAt(script.sql, outcome.line));
  throw new Stop(outcome.notRehearsable ? { outcome: 'not rehearsable', failure, reason: outcome.notRehearsable } : { outcome: 'failed', failure });
}

function refusedStatement(step: RehearsalStep, outcome: FailedStatement, revision: string | undefined): RehearsalFailure {
  return {
    step,
    ...(revision && { revision }),
    file: outcome.file,
    line: outcome.line,
    statement: outcome.statement,
    message: outcome.message,
    ...(outcome.output.length > 0 && { output: outcome.output }),
  };
}

/**
 * The per-revision states come from scoped reads (only what each script names is read again);
 * one full read at the end of the upgrades must agree, or sqlgen's scoping missed a change.
 */
async function crossCheck(engine: EmbeddedEngine, scoped: Snapshot): Promise<void> {
  const missed = diffSnapshots(scoped, await engine.snapshot({ fresh: true }));
  if (missed.length === 0) return;
  throw new Error(`sqlgen's scoped snapshots missed a change the full catalog read shows (a defect of sqlgen; please report it with the revisions): ${describeChanges(missed).join('; ')}`);
}

async function expectState(engine: EmbeddedEngine, expected: Snapshot, where: Pick<RehearsalFailure, 'step' | 'file' | 'revision'>, when: string, options: SnapshotOptions = {}): Promise<void> {
  const changes: SchemaChange[] = diffSnapshots(expected, await engine.snapshot(options));
  if (changes.length === 0) return;
  const afterDowngrade = where.step === 'downgrade' || where.step === 'per-revision downgrade';
  const differences = changes.map((change) => describeMismatch(change, afterDowngrade));
  throw new Stop({ outcome: 'failed', failure: { ...where, message: `${when}: ${differences[0]}${differences.length > 1 ? ` (and ${differences.length - 1} more)` : ''}`, differences } });
}

/**
 * The revision of a combined script a line belongs to, from the section comments sqlgen writes
 * (`-- Running upgrade A -> B: ...`): B for an upgrade, A for a downgrade.
 */
function revisionAt(sql: string, line: number): string | undefined {
  const lines = sql.split('\n', line);
  for (let index = lines.length - 1; index >= 0; index--) {
    const section = /^-- Running (upgrade|downgrade) (.+?) -> (.+?): /.exec(lines[index]!);
    if (section) return section[1] === 'downgrade' ? section[2] : section[3];
  }
  return undefined;
}
