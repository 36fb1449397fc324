/**
 * A report in the format the user asked for. The formats load on demand: a text run never
 * loads the SARIF writer.
 */
import type { FindingKind } from '../types.js';
import type { LintReport } from './lint-report.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  /** Every kind the findings may name, for SARIF's rule descriptions. */
  kinds: readonly FindingKind[];
  /** Colour the text format (a terminal without NO_COLOR). */
  colour: boolean;
}

export async function formatReport(report: LintReport, format: ReportFormat, options: FormatOptions): Promise<string> {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'sarif':
      return (await import('./format-sarif.js')).formatSarif(report, options.kinds);
    case 'github':
      return (await import('./format-github.js')).formatGithub(report);
    case 'text':
      return (await import('./format-text.js')).formatText(report, { colour: options.colour });
  }
}
