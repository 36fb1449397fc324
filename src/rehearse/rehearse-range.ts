import { renderBundleScripts } from '../bundle/assemble-bundle.js';
import type { ManifestRehearsal } from '../bundle/manifest.js';
import type { DialectId } from '../dialects/dialect-id.js';
import type { Project } from '../project.js';
import type { RehearsalFailure } from './rehearsal.js';
import { rehearseBundle } from './rehearse-bundle.js';

export interface RehearseRangeRequest {
  from: string;
  to: string;
  /** Absolute path of a seed file; the config's `rehearsal.seed` when absent. */
  seed?: string;
  guards?: boolean;
}

/** What `sqlgen rehearse` prints (and `--json` returns). */
export interface RehearsalReport {
  dialect: DialectId;
  from: string;
  to: string;
  status: ManifestRehearsal['status'];
  engine?: string;
  seed?: ManifestRehearsal['seed'];
  /** Why it was unavailable or not rehearsable, or what failed. */
  detail?: string;
  failure?: RehearsalFailure;
  /** Per revision in upgrade order, what it changes in the schema (when passed). */
  revisions: Array<{ id: string; message: string; schemaChanges: string[] }>;
}

/**
 * Rehearses the scripts a bundle of the range would hold, exactly as `bundle` does, without
 * linting or writing anything: a failure is reported, not thrown (a bad seed still throws).
 */
export async function rehearseRange(project: Project, request: RehearseRangeRequest): Promise<RehearsalReport> {
  const scripts = await renderBundleScripts(project, request);
  const rehearsal = await rehearseBundle(project, scripts.settings, scripts.rehearsal, { enabled: true, allowFailure: true, ...(request.seed && { seed: request.seed }) });
  const { status, engine, seed, detail } = rehearsal.record;
  return {
    dialect: scripts.settings.dialect.id,
    from: scripts.from,
    to: scripts.to,
    status,
    ...(engine && { engine }),
    ...(seed && { seed }),
    ...(detail && { detail }),
    ...(rehearsal.failure && { failure: rehearsal.failure }),
    revisions: scripts.upgrade.revisions.map((revision, index) => ({ id: revision.id, message: revision.message, schemaChanges: rehearsal.changes?.[index] ?? [] })),
  };
}
