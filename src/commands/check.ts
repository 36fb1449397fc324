import * as Flags from '@oclif/core/flags';
import { ReportCommand } from '../cli/report-command.js';
import { dialectFlag, failOnFlag, reportFormatFlag } from '../cli/shared-flags.js';
import type { ReportFormat } from '../lint/report/format-report.js';
import type { LintReport } from '../lint/report/lint-report.js';

export default class Check extends ReportCommand {
  static override summary = 'For CI: verify revisions/sqlgen.sum and the revision graph, and lint every revision.';
  static override description = `Reports a revision file added, edited or removed since revisions/sqlgen.sum recorded it (run \`sqlgen hash\` after reviewing), a hand-edited or conflicted sum file, more than one head unless allowMultipleHeads is set, every lint finding of the revisions' upgrade, and, when the project declares its schema (schema.sql), every object where head differs from it (PostgreSQL and SQLite, read on an embedded engine). Exits 1 when a finding is at or above --fail-on; a cycle or a missing parent stops it with exit 2.`;
  static override examples = [
    '<%= config.bin %> check',
    '<%= config.bin %> check --format sarif > sqlgen.sarif',
    '<%= config.bin %> check --from 5b8d1f3e9a27 --format github',
  ];
  static override flags = {
    from: Flags.string({ summary: 'Lint only the revisions after this one (integrity is always checked in full).' }),
    to: Flags.string({ summary: 'Lint up to this revision (default: heads).' }),
    dialect: dialectFlag,
    format: reportFormatFlag,
    'fail-on': failOnFlag,
  };

  async run(): Promise<LintReport> {
    const { flags } = await this.parse(Check);
    const project = await this.openProject(flags);
    const [{ runCheck }, { LINT_FINDING_KINDS }, { INTEGRITY_FINDING_KINDS }, { DRIFT_FINDING_KINDS }] = await Promise.all([
      import('../integrity/run-check.js'),
      import('../lint/engine.js'),
      import('../integrity/problems.js'),
      import('../autogenerate/drift.js'),
    ]);
    const report = await runCheck(project, { range: { from: flags.from, to: flags.to }, ...(flags['fail-on'] && { failOn: flags['fail-on'] as LintReport['failOn'] }) });
    await this.printReport(report, flags.format as ReportFormat, [...INTEGRITY_FINDING_KINDS, ...LINT_FINDING_KINDS, ...DRIFT_FINDING_KINDS]);
    return report;
  }
}
