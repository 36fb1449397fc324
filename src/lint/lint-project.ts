/**
 * Lints a range of the project's revisions, rendered in memory for the project's dialect.
 */
import { renderSettings } from '../compile/project-scripts.js';
import { renderRevisionScripts, renderUpgrade } from '../compile/render-range.js';
import type { DialectId } from '../dialects/dialect-id.js';
import type { Project } from '../project.js';
import { configuredLint } from './configured-lint.js';
import { lintRevisionScripts, type RevisionScript } from './lint-revisions.js';
import type { Finding, ServerSettings } from './types.js';

export interface RevisionRange {
  /** A revision specifier, or `base`. */
  from: string;
  /** A revision specifier such as `heads`. */
  to: string;
}

/**
 * The findings of the upgrade from `from` to `to`, in the revision files. Statements are linted
 * unformatted (formatting changes no meaning, and costs time), with each op call's line traced.
 */
export async function lintRevisionRange(project: Project, range: RevisionRange, overrides: ServerSettings = {}): Promise<{ findings: Finding[]; revisions: number }> {
  const { dialect, scripts } = await renderRevisionRange(project, range);
  const findings = await lintRevisionScripts(scripts, { dialect, ...configuredLint(project.config), ...overrides }, project.revisionReadings ?? null);
  return { findings, revisions: scripts.length };
}

/** Each revision's upgrade script of the range, as lint reads it: unformatted, each op call's line traced. */
export async function renderRevisionRange(project: Project, range: RevisionRange): Promise<{ dialect: DialectId; scripts: RevisionScript[] }> {
  const settings = { ...renderSettings(project, { format: false }), traceSources: true };
  const rendered = await renderUpgrade(settings, range.from, range.to);
  const scripts = renderRevisionScripts(rendered, settings).map((script, index) => ({ revision: rendered.revisions[index]!, script }));
  return { dialect: settings.dialect.id, scripts };
}
