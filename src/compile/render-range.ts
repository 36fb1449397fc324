import type { Dialect } from '../dialects/dialect.js';
import type { RevisionGraph } from '../revisions/graph.js';
import type { Revision } from '../revisions/types.js';
import { compileRevision, type Direction } from './compile-revision.js';
import { ShadowTracker } from './shadow-tracker.js';
import { layOutScript, renderScript, type LaidOutScript, type ScriptPlan, type ScriptSection } from './render-script.js';
import { VersionRows } from './version-rows.js';
import { VersionTableSql, type VersionTable } from './version-table.js';

export interface RenderSettings {
  graph: RevisionGraph<Revision>;
  dialect: Dialect;
  versionTable: VersionTable;
  transactionPerRevision: boolean;
  /** Formats one knex statement (with `?` placeholders); absent with --no-format. */
  format?: (sql: string) => string;
  /** Names the tool in the header, e.g. `sqlgen 0.1.0`. */
  generator: string;
  /** Keep where each statement comes from in its revision file, for lint findings. */
  traceSources?: boolean;
}

export interface RenderedScript {
  sql: string;
  /** The revisions the script runs, in order. */
  revisions: Revision[];
  /** What the script was laid out from: one section per revision, in the same order. */
  plan: ScriptPlan;
}

/** The upgrade script from `from` to `to` (revision specifiers). */
export async function renderUpgrade(settings: RenderSettings, from: string, to: string): Promise<RenderedScript> {
  const revisions = settings.graph.upgradeRange(from, to);
  return render(settings, 'upgrade', from, to, revisions);
}

/** The rollback script from `from` down to `to`, undoing revisions in reverse order. */
export async function renderDowngrade(settings: RenderSettings, from: string, to: string): Promise<RenderedScript> {
  const revisions = settings.graph.downgradeRange(from, to);
  return render(settings, 'downgrade', from, to, revisions);
}

/** Only the version-table statements that mark the database as being at `target`. */
export function renderStamp(settings: RenderSettings, target: string): RenderedScript {
  const ids = settings.graph.resolve(target).map((revision) => revision.id);
  const versionSql = new VersionTableSql(settings.dialect, settings.versionTable);
  const plan: ScriptPlan = {
    title: `${settings.generator}: stamp ${target} (${settings.dialect.id})`,
    setup: [versionSql.create(), ...ids.map((id) => versionSql.change({ kind: 'insert', id }))],
    sections: [],
  };
  return { sql: renderScript(plan, settings), revisions: [], plan };
}

async function render(settings: RenderSettings, direction: Direction, from: string, to: string, revisions: Revision[]): Promise<RenderedScript> {
  const { graph, dialect } = settings;
  const start = graph.resolve(from).map((revision) => revision.id);
  const rows = new VersionRows(graph, start);
  const versionSql = new VersionTableSql(dialect, settings.versionTable);
  const sections: ScriptSection[] = [];
  const shadow = dialect.rebuildsTables ? shadowTracker(settings, from) : undefined;
  for (const revision of revisions) {
    const statements = await compileRevision(revision, direction, dialect, { shadow, traceSources: settings.traceSources });
    const changes = direction === 'upgrade' ? rows.upgrade(revision) : rows.downgrade(revision);
    sections.push({ heading: heading(direction, revision), statements, bookkeeping: changes.map((change) => versionSql.change(change)) });
  }
  const createsVersionTable = direction === 'upgrade' && start.length === 0;
  const plan: ScriptPlan = {
    title: `${settings.generator}: ${direction} ${from} -> ${to} (${dialect.id})`,
    setup: createsVersionTable ? [versionSql.create()] : [],
    sections,
  };
  return { sql: renderScript(plan, settings), revisions, plan };
}

/**
 * One script per revision of a rendered script, laid out from the same statements: applied in
 * order, they do what the whole script does (the first one also creates the version table).
 */
export function renderRevisionScripts(rendered: RenderedScript, settings: RenderSettings): LaidOutScript[] {
  const { plan } = rendered;
  return plan.sections.map((section, index) => {
    const title = `${settings.generator}: ${section.heading.replace(/^Running /, '')} (${settings.dialect.id})`;
    return layOutScript({ title, setup: index === 0 ? plan.setup : [], sections: [section] }, settings);
  });
}

/** Follows the script from the schema at `from`, which the upgrades from base up to it build. */
function shadowTracker({ graph, dialect }: RenderSettings, from: string): ShadowTracker {
  return new ShadowTracker(dialect, async (tracker) => {
    for (const revision of graph.upgradeRange('base', from)) await compileRevision(revision, 'upgrade', dialect, { shadow: tracker });
  });
}

/** `Running upgrade 1a2b3c4d5e6f -> 3f2a9c1b7d4e: add orders`, as Alembic writes it. */
function heading(direction: Direction, revision: Revision): string {
  const parents = revision.parents.length > 0 ? revision.parents.join(', ') : '<base>';
  const [source, target] = direction === 'upgrade' ? [parents, revision.id] : [revision.id, parents];
  return `Running ${direction} ${source} -> ${target}: ${revision.message}`;
}
