/**
 * Lints revisions as they render: each revision's own upgrade script, exactly as a DBA would run
 * it (transactions included), with findings moved back to the revision file that wrote the SQL.
 */
import type { StatementPlacement, LaidOutScript } from '../compile/render-script.js';
import type { DialectId } from '../dialects/dialect-id.js';
import type { Revision } from '../revisions/types.js';
import { RevisionFileError } from '../errors.js';
import { LINT_IDS, lintScript, unknownLintIds } from './engine.js';
import { cachedReading, type ScriptReadingCache } from './reading-cache.js';
import type { Finding, LintSettings, SeverityOverride, SourceLocation } from './types.js';

/** One revision and its rendered script. */
export interface RevisionScript {
  revision: Revision;
  script: LaidOutScript;
}

/** The project's lint settings; a revision's `lintDisable` adds its own `off`s to the rules. */
export interface RevisionLintOptions extends LintSettings {
  dialect: DialectId;
}

/** The longest statement excerpt a finding carries. */
const EXCERPT_LENGTH = 120;

/**
 * The findings of every revision's script, located in the revision files: a SQL section line for
 * line, an op call at the line of the call (with the statement's first line beside it).
 */
export async function lintRevisionScripts(scripts: readonly RevisionScript[], options: RevisionLintOptions, cache: ScriptReadingCache | null = null): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const { revision, script } of scripts) {
    const settings = { ...options, file: revision.file, rules: revisionRules(revision, options.rules) };
    const { findings: found } = await cachedReading(cache, script.text, settings, async () => ({ findings: await lintScript(script.text, settings) }));
    const lines = found.length > 0 ? script.text.split('\n') : [];
    findings.push(...found.map((finding) => inRevisionFile(finding, script.placements, lines)));
  }
  return findings;
}

/** The project's overrides with the revision's `lintDisable` turned off. */
export function revisionRules(revision: Revision, rules: Readonly<Record<string, SeverityOverride>> = {}): Record<string, SeverityOverride> {
  return { ...rules, ...Object.fromEntries(checkedLintDisable(revision).map((id) => [id, 'off'])) };
}

/** The revision's `lintDisable`; an unknown id is a mistake in the revision file. */
export function checkedLintDisable(revision: Revision): readonly string[] {
  const unknown = unknownLintIds(revision.lintDisable);
  if (unknown.length > 0) {
    throw new RevisionFileError('REVISION_INVALID', `${revision.file}: lintDisable names unknown lint rule(s): ${unknown.join(', ')}`, `use rule ids from \`sqlgen lint --list-rules\`, e.g. ${LINT_IDS[0]}`, { file: revision.file });
  }
  return revision.lintDisable;
}

/** Moves a finding from its line in the rendered script (`lines`) to the revision file, with the statement's first line when it points at an op call. */
function inRevisionFile(finding: Finding, placements: readonly StatementPlacement[], lines: readonly string[]): Finding {
  const placement = placementAt(placements, finding.location.line);
  const location = sourceLocation(finding.location, placement);
  if (!placement || placement.statement.source?.verbatim) return { ...finding, location };
  return { ...finding, location, statement: excerpt(lines[placement.line - 1] ?? '') };
}

/**
 * Where a position in a revision's rendered script was written in the revision file: in a SQL
 * section, line for line; in an op call, at the call.
 */
export function inRevisionSource(location: SourceLocation, placements: readonly StatementPlacement[]): SourceLocation {
  return sourceLocation(location, placementAt(placements, location.line));
}

function sourceLocation(location: SourceLocation, placement: StatementPlacement | undefined): SourceLocation {
  const source = placement?.statement.source;
  const { file } = location;
  if (source?.verbatim) {
    const linesIn = location.line - placement!.line;
    const column = linesIn === 0 ? location.column + source.column - 1 : location.column;
    return { file, line: source.line + linesIn, column };
  }
  const at = source ?? { line: 1, column: 1 };
  return { file, line: at.line, column: at.column };
}

/** The last statement starting at or before `line`: placements are in line order. */
function placementAt(placements: readonly StatementPlacement[], line: number): StatementPlacement | undefined {
  let low = 0;
  let high = placements.length - 1;
  let found: StatementPlacement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (placements[middle]!.line <= line) {
      found = placements[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function excerpt(line: string): string {
  const firstLine = line.trim();
  return firstLine.length > EXCERPT_LENGTH ? `${firstLine.slice(0, EXCERPT_LENGTH - 1)}…` : firstLine;
}
