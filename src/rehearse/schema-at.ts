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
  const settings = renderSettings(project, {});
  const open = EMBEDDED_ENGINES[settings.dialect.id];
  if (!open) {
    throw new RehearsalError('NO_EMBEDDED_ENGINE', `cannot read the schema of a ${settings.dialect.id} project: ${NO_EMBEDDED_ENGINE[settings.dialect.id]}`, 'sqlgen schema works for PostgreSQL and SQLite projects (--dialect postgresql or sqlite)');
  }
  const script = (await renderUpgrade(settings, 'base', to)).sql;
  const file = `sqlgen upgrade base:${to}`;
  const engine = await open({ versionTable: project.config.versionTable }, [script]);
  const outcome = await engine.apply(script, file).catch(async (error: unknown) => {
    await engine.close();
    throw error;
  });
  if (!outcome.ok) {
    await engine.close();
    throw new RehearsalError('REHEARSAL_FAILED', `${file}, line ${outcome.line}: ${engine.description} refused a statement: ${outcome.message}`, outcome.notRehearsable ?? 'run `sqlgen rehearse` to see which revision it belongs to, and fix it');
  }
  return engine;
}

/** The schema at a revision as DDL of the project's dialect. */
export async function schemaAt(project: Project, to: string): Promise<string> {
  return schemaDdl((await snapshotAt(project, to)).snapshot);
}
