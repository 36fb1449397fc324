import { ExitCode } from '../errors.js';
import type { ReportFormat } from '../lint/report/format-report.js';
import type { LintReport } from '../lint/report/lint-report.js';
import type { FindingKind } from '../lint/types.js';
import { SqlgenCommand } from './base-command.js';

/** Commands that report findings (lint, check): one way to print them and to exit. */
export abstract class ReportCommand extends SqlgenCommand {
  /**
   * Prints the report in `format` (unless --json, where oclif prints the returned report) and
   * sets exit code 1 when it failed: findings are a result, not an error.
   */
  protected async printReport(report: LintReport, format: ReportFormat, kinds: readonly FindingKind[]): Promise<void> {
    if (!this.jsonEnabled()) {
      const [{ formatReport }, { wantsColour }] = await Promise.all([import('../lint/report/format-report.js'), import('../lint/report/format-text.js')]);
      const text = await formatReport(report, format, { kinds, colour: wantsColour(process.stdout, process.env) });
      if (text !== '') this.log(text);
    }
    if (report.failed) process.exitCode = ExitCode.findings;
  }
}
