/**
 * The text report, in the style compilers use so that editors and terminals link each finding:
 * `file:line:column: severity rule-id message`, then indented `statement:` and `help:` lines.
 */
import type { Finding, Severity } from '../types.js';
import { summaryLine, type LintReport } from './lint-report.js';

/** ANSI colours, used only when the output is a terminal and NO_COLOR is not set. */
const COLOURS: Record<Severity | 'dim' | 'reset', string> = { error: '\u001b[1;31m', warning: '\u001b[1;33m', info: '\u001b[1;36m', dim: '\u001b[2m', reset: '\u001b[0m' };

export interface TextOptions {
  colour: boolean;
}

/**
 * @example
 * formatText(report, { colour: false })
 * // revisions/3f2a9c1b7d4e_add_orders.ts:14:5: warning ban-drop-column Dropping orders.note breaks ...
 * //   statement: alter table "orders" drop column "note"
 * //   help: Stop using the column in the application and deploy that first; ...
 * //
 * // 1 warning in 6 revisions
 */
export function formatText(report: LintReport, options: TextOptions): string {
  const paint = (colour: keyof typeof COLOURS, text: string) => (options.colour ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
  const blocks = report.findings.map((finding) => findingLines(finding, paint).join('\n'));
  return [...blocks, ...(blocks.length > 0 ? [''] : []), summaryLine(report)].join('\n');
}

function findingLines(finding: Finding, paint: (colour: keyof typeof COLOURS, text: string) => string): string[] {
  const { file, line, column } = finding.location;
  return [
    `${file}:${line}:${column}: ${paint(finding.severity, finding.severity)} ${paint('dim', finding.ruleId)} ${finding.message}`,
    ...(finding.statement ? [`  statement: ${finding.statement}`] : []),
    `  help: ${finding.help}`,
  ];
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}
