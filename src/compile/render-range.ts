import type { Dialect } from '../dialects/dialect.js';
import type { RevisionGraph } from '../revisions/graph.js';
import type { Revision } from '../revisions/types.js';
import { compileRevision, type Direction } from './compile-revision.js';
import { ShadowTracker } from './shadow-tracker.js';
import { layOutScript, renderScript, type LaidOutScript, type ScriptPlan, type ScriptSection } from './render-script.js';
import { VersionGuard } from './version-guard.js';
import { VersionRows, type VersionChange } from './version-rows.js';
import { VersionTableSql, type VersionTable } from './version-table.js';
import type { Statement } from './statement.js';

export interface RenderSettings {
  graph: RevisionGraph<Revision>;
  dialect: Dialect;
  versionTable: VersionTable;
  transactionPerRevision: boolean;
  /** Each revision first checks the version table (off with --no-guards). */
  guards: boolean;
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

/**
 * Only the version-table statements that move the database from `from` to `to` without running
 * any revision, as `alembic stamp FROM:TO`: for a database whose schema is already at `to`.
 */
export function renderStamp(settings: RenderSettings, from: string, to: string): RenderedScript {
  const { graph } = settings;
  const rows = new VersionRows(graph, ids(graph.resolve(from)));
  const bookkeeping = new Bookkeeping(settings, rows);
  const expected = rows.current();
  const changes = rows.stamp(graph.resolve(to));
  const section: ScriptSection = { heading: `Stamping ${from} -> ${to}`, guard: bookkeeping.guard(expected), statements: [], bookkeeping: bookkeeping.statements(changes) };
  const plan: ScriptPlan = { title: `${settings.generator}: stamp ${from} -> ${to} (${settings.dialect.id})`, setup: bookkeeping.setup(expected), sections: [section] };
  return { sql: renderScript(plan, settings), revisions: [], plan };
}

async function render(settings: RenderSettings, direction: Direction, from: string, to: string, revisions: Revision[]): Promise<RenderedScript> {
  const { graph, dialect } = settings;
  const rows = new VersionRows(graph, ids(graph.resolve(from)));
  const bookkeeping = new Bookkeeping(settings, rows);
  const start = rows.current();
  const sections: ScriptSection[] = [];
  const shadow = dialect.rebuildsTables ? shadowTracker(settings, from) : undefined;
  for (const revision of revisions) {
    const guard = bookkeeping.guard(rows.current());
    const statements = await compileRevision(revision, direction, dialect, { shadow, traceSources: settings.traceSources });
    const changes = direction === 'upgrade' ? rows.upgrade(revision) : rows.downgrade(revision);
    sections.push({ heading: heading(direction, revision), guard, statements, bookkeeping: bookkeeping.statements(changes) });
  }
  const plan: ScriptPlan = {
    title: `${settings.generator}: ${direction} ${from} -> ${to} (${dialect.id})`,
    setup: sections.length > 0 ? bookkeeping.setup(start) : [],
    sections,
  };
  return { sql: renderScript(plan, settings), revisions, plan };
}

/** The version table's statements for one script: guards, row changes, and creating or dropping it. */
class Bookkeeping {
  private readonly versionSql: VersionTableSql;
  private readonly versionGuard?: VersionGuard;

  constructor(
    settings: RenderSettings,
    private readonly rows: VersionRows,
  ) {
    this.versionSql = new VersionTableSql(settings.dialect, settings.versionTable);
    if (settings.guards) this.versionGuard = new VersionGuard(settings.dialect, settings.versionTable, this.versionSql);
  }

  /** Before the first section: the version table for an unguarded script from base (a guard creates its own). */
  setup(start: readonly string[]): Statement[] {
    return start.length === 0 && !this.versionGuard ? [this.versionSql.create()] : [];
  }

  guard(expected: readonly string[]): Statement[] {
    return this.versionGuard?.statements(expected) ?? [];
  }

  /** The row changes; the table is dropped once no row is left, as Alembic does at base. */
  statements(changes: readonly VersionChange[]): Statement[] {
    const drop = this.rows.current().length === 0 ? [this.versionSql.drop()] : [];
    return [...changes.map((change) => this.versionSql.change(change)), ...drop];
  }
}

function ids(revisions: readonly Revision[]): string[] {
  return revisions.map((revision) => revision.id);
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
