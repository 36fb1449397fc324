/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding, which
 * the runner shows as an annotation on the file and line.
 */
import type { Finding, Severity } from '../types.js';
import type { LintReport } from './lint-report.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** @example formatGithub(report) // ::warning file=m.sql,line=3,col=1,title=ban-drop-column::Dropping ... */
export function formatGithub(report: LintReport): string {
  return report.findings.map(annotation).join('\n');
}

function annotation(finding: Finding): string {
  const { file, line, column } = finding.location;
  const properties = `file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(finding.ruleId)}`;
  const text = [finding.message, ...(finding.statement ? [`statement: ${finding.statement}`] : []), `help: ${finding.help}`].join('\n');
  return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(text)}`;
}

/** The runner's escaping: `%`, CR and LF in the message. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** In a property value, `:` and `,` also separate, so they are escaped too. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
