import { readFileSync } from 'node:fs';
import { renderUpgrade, type RenderSettings } from '../compile/render-range.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { EMBEDDED_ENGINES, NO_EMBEDDED_ENGINE } from '../engines/index.js';
import { RehearsalError } from '../errors.js';
import { projectRelativePath } from '../project-path.js';
import type { Project } from '../project.js';
import { describeChanges } from '../schema/describe-change.js';
import { schemaDdl } from '../schema/ddl/index.js';
import { diffSnapshots } from '../schema/schema-diff.js';
import { sha256Hex } from '../sha256.js';
import type { ManifestRehearsal } from '../bundle/manifest.js';
import { rehearse, type NamedScript, type RehearsalFailure, type RehearsalResult, type RehearsalScripts } from './rehearsal.js';
import { describeFailure } from './rehearsal-report.js';

export interface RehearsalRequest {
  /** Rehearse at all (false for --no-rehearse; the config's `rehearsal.enabled` when absent). */
  enabled?: boolean;
  /** Absolute path of a seed file; the config's `rehearsal.seed` when absent. */
  seed?: string;
  /** Keep going when the rehearsal fails, recording it (--allow-rehearsal-failure). */
  allowFailure?: boolean;
}

/** The bundle's files a rehearsal runs, as the bundle names them. */
export interface BundleScripts {
  from: string;
  upgrade: NamedScript;
  downgrade: NamedScript;
  revisions: RehearsalScripts['revisions'];
}

export interface BundleRehearsal {
  record: ManifestRehearsal;
  /** Per revision, in upgrade order: what it changes in the schema, as a reviewer reads it (when passed). */
  changes?: string[][];
  /** The schema after the bundle as DDL, from the engine's catalog (when passed). */
  schemaSql?: string;
  /** What stopped it, when it failed or met a statement the engine cannot run. */
  failure?: RehearsalFailure;
}

/**
 * Rehearses a bundle's scripts on its dialect's embedded engine, or says why not. A failure
 * throws {@link RehearsalError} unless `allowFailure`; either way nothing is written by this.
 */
export async function rehearseBundle(project: Project, settings: RenderSettings, scripts: BundleScripts, request: RehearsalRequest): Promise<BundleRehearsal> {
  const { config } = project;
  const skipped = whyNotRehearsed(settings.dialect.id, request.enabled ?? config.rehearsal.enabled);
  if (skipped) return { record: { ...skipped, failureAllowed: false } };
  const seed = readSeed(project, request.seed ?? config.rehearsal.seed);
  const setup = scripts.from === 'base' ? undefined : { file: `sqlgen upgrade base:${scripts.from}`, sql: (await renderUpgrade(settings, 'base', scripts.from)).sql };
  const all: RehearsalScripts = { ...(setup && { setup }), ...(seed && { seed: seed.script }), upgrade: scripts.upgrade, downgrade: scripts.downgrade, revisions: scripts.revisions };
  const engine = await EMBEDDED_ENGINES[settings.dialect.id]!({ versionTable: config.versionTable }, [setup?.sql ?? '', seed?.script.sql ?? '', scripts.upgrade.sql]);
  let result: RehearsalResult;
  try {
    result = await rehearse(engine, all);
  } finally {
    await engine.close();
  }
  return outcomeOf(result, { engine: engine.description, ...(seed && { seed: seed.record }) }, request.allowFailure ?? false);
}

function whyNotRehearsed(dialect: DialectId, enabled: boolean): Pick<ManifestRehearsal, 'status' | 'detail'> | undefined {
  if (!enabled) return { status: 'skipped', detail: 'not rehearsed: turned off (--no-rehearse, or rehearsal.enabled is false)' };
  if (!EMBEDDED_ENGINES[dialect]) return { status: 'unavailable', detail: `not rehearsed: ${NO_EMBEDDED_ENGINE[dialect]}` };
  return undefined;
}

function outcomeOf(result: RehearsalResult, record: Pick<ManifestRehearsal, 'engine' | 'seed'>, allowFailure: boolean): BundleRehearsal {
  if (result.outcome === 'passed') {
    const { start, after } = result.states;
    const changes = after.map((state, index) => describeChanges(diffSnapshots(index === 0 ? start : after[index - 1]!, state)));
    return { record: { status: 'passed', ...record, failureAllowed: false }, changes, schemaSql: schemaDdl(after.at(-1) ?? start) };
  }
  const { failure } = result;
  const detail = describeFailure(failure);
  if (result.outcome === 'not rehearsable') return { record: { status: 'not rehearsable', ...record, detail: `not rehearsable: ${result.reason}; ${detail}`, failureAllowed: false }, failure };
  if (failure.step === 'seed' || !allowFailure) throw failureError(failure, detail, record.engine!);
  return { record: { status: 'failed', ...record, detail, failureAllowed: true }, failure };
}

/** A seed that fails is bad input; a script that fails or leaves the wrong state is a finding. */
function failureError(failure: RehearsalFailure, detail: string, engine: string): RehearsalError {
  const location = { file: failure.file, ...(failure.line && { line: failure.line }) };
  if (failure.step === 'seed') {
    return new RehearsalError('SEED_FAILED', `${failure.file}:${failure.line}: the seed file failed on ${engine}: ${failure.message}`, "fix the seed file: it runs at the bundle's start state, after sqlgen's own upgrade to --from", location);
  }
  return new RehearsalError('REHEARSAL_FAILED', `the rehearsal on ${engine} failed: ${detail}`, 'fix the revision named (or its SQL), then bundle again; --allow-rehearsal-failure writes the bundle anyway and records the failure', location);
}

function readSeed(project: Project, file: string | undefined): { script: NamedScript; record: { file: string; sha256: string } } | undefined {
  if (file === undefined) return undefined;
  const shown = projectRelativePath(project.config.projectRoot, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new RehearsalError('SEED_FAILED', `${shown}: cannot read the seed file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'give --seed or rehearsal.seed a SQL file of the project', { file: shown });
  }
  return { script: { file: shown, sql: bytes.toString('utf8') }, record: { file: shown, sha256: sha256Hex(bytes) } };
}
