import { renderSettings } from '../compile/project-scripts.js';
import { renderUpgrade } from '../compile/render-range.js';
import type { EmbeddedEngine } from '../engines/engine.js';
import { EMBEDDED_ENGINES, NO_EMBEDDED_ENGINE } from '../engines/index.js';
import { RehearsalError } from '../errors.js';
import type { Project } from '../project.js';
import { schemaDdl } from '../schema/ddl/index.js';
import type { Snapshot } from '../schema/snapshot.js';

/**
 * The schema at a revision, read from an embedded engine after sqlgen's own upgrade script from
 * base (`sqlgen schema`; autogenerate's starting point). MySQL and SQL Server have no engine.
 */
export async function snapshotAt(project: Project, to: string): Promise<{ snapshot: Snapshot; engine: string }> {
  const engine = await engineAt(project, to);
  try {
    return { snapshot: await engine.snapshot(), engine: engine.description };
  } finally {
    await engine.close();
  }
}

/** An embedded engine left at revision `to` by sqlgen's own upgrade script from base; the caller closes it. */
export async function engineAt(project: Project, to: string): Promise<EmbeddedEngine> {
  const upgrade = await upgradeTo(project, to);
  const engine = await openEmbedded(project, [upgrade.script]);
  await replay(engine, upgrade).catch(async (error: unknown) => {
    await engine.close();
    throw error;
  });
  return engine;
}

/** sqlgen's own upgrade script from base to `to`, as {@link replay} runs it. */
export interface UpgradeScript {
  script: string;
  /** Names it in errors: `sqlgen upgrade base:<to>`. */
  file: string;
}

export async function upgradeTo(project: Project, to: string): Promise<UpgradeScript> {
  return { script: (await renderUpgrade(renderSettings(project, {}), 'base', to)).sql, file: `sqlgen upgrade base:${to}` };
}

/** An empty embedded database of the project's dialect, with the extensions `scripts` create; MySQL and SQL Server have none. */
export async function openEmbedded(project: Project, scripts: readonly string[]): Promise<EmbeddedEngine> {
  const { dialect } = project.config;
  const open = EMBEDDED_ENGINES[dialect];
  if (!open) {
    throw new RehearsalError('NO_EMBEDDED_ENGINE', `cannot read the schema of a ${dialect} project: ${NO_EMBEDDED_ENGINE[dialect]}`, 'reading the schema (sqlgen schema, revision --autogenerate, the drift check) works for PostgreSQL and SQLite projects');
  }
  return open({ versionTable: project.config.versionTable }, scripts);
}

/** Runs the upgrade script on the engine; a statement it refuses is a rehearsal failure. */
export async function replay(engine: EmbeddedEngine, { script, file }: UpgradeScript): Promise<void> {
  const outcome = await engine.apply(script, file);
  if (!outcome.ok) {
    throw new RehearsalError('REHEARSAL_FAILED', `${file}, line ${outcome.line}: ${engine.description} refused a statement: ${outcome.message}`, outcome.notRehearsable ?? 'run `sqlgen rehearse` to see which revision it belongs to, and fix it');
  }
}

/** The schema at a revision as DDL of the project's dialect. */
export async function schemaAt(project: Project, to: string): Promise<string> {
  return schemaDdl((await snapshotAt(project, to)).snapshot);
}
