import { ResolutionError } from '../errors.js';
import { PACKAGE_INFO } from '../package-info.js';
import { configuredDialect } from '../dialects/index.js';
import { RevisionGraph } from '../revisions/graph.js';
import type { Project } from '../project.js';
import { statementFormatter } from './format-statement.js';
import { renderDowngrade, renderStamp, renderUpgrade, type RenderedScript, type RenderSettings } from './render-range.js';

export const GENERATOR = `sqlgen ${PACKAGE_INFO.version}`;

export interface ScriptRequest {
  command: 'upgrade' | 'downgrade' | 'stamp';
  /** `FROM:TO` or one specifier (for upgrade and stamp, `X` means `base:X`). */
  range: string;
  /** False for --no-format; the config decides otherwise. */
  format?: boolean;
  /** True for --single-transaction; the config decides otherwise. */
  singleTransaction?: boolean;
  /** False for --no-guards; the config decides otherwise. */
  guards?: boolean;
}

/** Renders an upgrade, downgrade or stamp script for the project's dialect. */
export async function renderProjectScript(project: Project, request: ScriptRequest): Promise<RenderedScript> {
  const settings = renderSettings(project, request);
  if (request.command !== 'downgrade') {
    const { from, to } = RevisionGraph.parseRange(request.range);
    return request.command === 'stamp' ? renderStamp(settings, from, to) : renderUpgrade(settings, from, to);
  }
  if (!request.range.includes(':')) {
    throw new ResolutionError('BAD_RANGE', request.range, `a downgrade needs FROM:TO, got "${request.range}"`, 'offline there is no current revision to start from; write e.g. head:base or head:-1');
  }
  const { from, to } = RevisionGraph.parseRange(request.range);
  return renderDowngrade(settings, from, to);
}

export function renderSettings(project: Project, request: Pick<ScriptRequest, 'format' | 'singleTransaction' | 'guards'>): RenderSettings {
  const { config, graph } = project;
  const dialect = configuredDialect(config);
  const formatting = request.format ?? config.format.enabled;
  return {
    graph,
    dialect,
    versionTable: config.versionTable,
    transactionPerRevision: request.singleTransaction ? false : config.transactionPerRevision,
    guards: request.guards ?? config.guards,
    ...(formatting && { format: statementFormatter(dialect, config.format) }),
    ...(formatting && project.renderedStatements && { rendered: project.renderedStatements(JSON.stringify([dialect.id, config.format])) ?? undefined }),
    generator: GENERATOR,
  };
}
