import path from 'node:path';
import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';
import { dialectFlag, guardsFlag } from '../cli/shared-flags.js';
import { ExitCode } from '../errors.js';
import type { RehearsalReport } from '../rehearse/rehearse-range.js';

export default class Rehearse extends SqlgenCommand {
  static override summary = 'Run a bundle\'s scripts on an embedded PostgreSQL (PGlite) or SQLite (sql.js) and check that every rollback restores the start.';
  static override description = `Brings a fresh embedded database to --from with sqlgen's own upgrade script, runs the seed file if any, then runs the scripts a bundle of the range holds as the DBA's client would: each revision's upgrade file in order and its rollback file in reverse, then upgrade.sql, downgrade.sql and upgrade.sql again. After each step the database is read from its catalog and compared with the state it should be in. No server is contacted. Exits 1 when a script fails or leaves the wrong state; MySQL and SQL Server have no embedded engine and are reported as not rehearsed.`;
  static override examples = ['<%= config.bin %> rehearse', '<%= config.bin %> rehearse --from 3f2a9c1b7d4e --seed seeds/customers.sql', '<%= config.bin %> rehearse --dialect sqlite --json'];
  static override flags = {
    from: Flags.string({ summary: 'Revision the database is at before the scripts (base: empty).', default: 'base' }),
    to: Flags.string({ summary: 'The one revision the scripts bring the database to.', default: 'heads' }),
    seed: Flags.string({ summary: "SQL file run at the --from state first, so data migrations meet rows (default: the config's rehearsal.seed)." }),
    dialect: dialectFlag,
    guards: guardsFlag,
  };

  async run(): Promise<RehearsalReport> {
    const { flags } = await this.parse(Rehearse);
    const project = await this.openProject(flags);
    const [{ rehearseRange }, { formatRehearsalReport }] = await Promise.all([import('../rehearse/rehearse-range.js'), import('../rehearse/rehearsal-report.js')]);
    const report = await rehearseRange(project, {
      from: flags.from,
      to: flags.to,
      ...(flags.seed && { seed: path.resolve(process.cwd(), flags.seed) }),
      ...(flags.guards !== undefined && { guards: flags.guards }),
    });
    this.log(formatRehearsalReport(report).trimEnd());
    if (report.status === 'failed') process.exitCode = ExitCode.findings;
    return report;
  }
}
