import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ReportCommand } from '../cli/report-command.js';
import { dialectFlag, failOnFlag, reportFormatFlag } from '../cli/shared-flags.js';
import { MIN_POSTGRESQL_VERSION, SQL_SERVER_EDITIONS, type SqlServerEdition } from '../dialects/versions.js';
import type { ReportFormat } from '../lint/report/format-report.js';
import type { LintReport } from '../lint/report/lint-report.js';
import type { RuleListing } from '../lint/report/rule-list.js';
import type { LockEntry } from '../lint/locks/lock-entry.js';
import type { LintEnvironment, LintRequest } from '../lint/run-lint.js';

export default class Lint extends ReportCommand {
  static override summary = 'Audit migration SQL for what locks, rewrites or destroys data: revisions, .sql files, stdin or a bundle.';
  static override description = `With no paths, lints the upgrade of --from (default base) to --to (default heads), rendered in memory; findings point at the revision file and the op call or SQL line. Paths may be .sql files (dialect from --dialect or the config), - for standard input, or bundle folders (dialect from the manifest).
Exits 1 when a finding is at or above --fail-on (default: the config's lint.failOn, else error). Suppress one statement with "-- sqlgen-lint-disable-next-line <rule-id>", a stretch with "-- sqlgen-lint-disable <rule-id>" ... "-- sqlgen-lint-enable", a revision with lintDisable (or "-- sqlgen:lint-disable"), a rule everywhere with lint.rules in sqlgen.config.json.
With --locks, prints instead the lock each PostgreSQL statement takes on each table, what it blocks and whether it rewrites or scans the table, for --postgresql-version (a table, or a JSON array with --format json); it always exits 0.`;
  static override examples = [
    '<%= config.bin %> lint',
    '<%= config.bin %> lint --from 4c5d6e7f8a9b --format sarif > sqlgen.sarif',
    '<%= config.bin %> lint --dialect mysql migrations/*.sql',
    'pg_dump --schema-only mydb | <%= config.bin %> lint --dialect postgresql -',
    '<%= config.bin %> lint output/base-to-7c9e2b4a1d30-postgresql',
    '<%= config.bin %> lint --list-rules',
    '<%= config.bin %> lint --locks --postgresql-version 13',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: '.sql files, bundle folders, or - for standard input' }) };
  static override flags = {
    from: Flags.string({ summary: 'Lint the revisions after this one (default: base, i.e. all of them).' }),
    to: Flags.string({ summary: 'Last revision of the range to lint.' }),
    dialect: dialectFlag,
    format: reportFormatFlag,
    'fail-on': failOnFlag,
    'postgresql-version': Flags.integer({
      summary: "Major version of the PostgreSQL server the SQL is for (default: the config's lint.postgresqlVersion, else 15); findings that depend on it follow it.",
      min: MIN_POSTGRESQL_VERSION,
      max: 99,
    }),
    'mysql-version': Flags.string({
      summary: "MySQL or MariaDB server the SQL is for, as mysql-8.4, mysql-8.0.36 or mariadb-10.11 (default: the config's lint.mysqlVersion, else mysql-8.4); the online DDL findings follow it.",
    }),
    'sql-server-edition': Flags.string({
      summary: "SQL Server edition the SQL is for (default: the config's lint.sqlServerEdition, else enterprise): standard (also Web, Express) cannot build indexes online.",
      options: [...SQL_SERVER_EDITIONS],
    }),
    'assume-in-transaction': Flags.boolean({ summary: 'SQL files and standard input run inside a transaction a tool opens around each (as if they began with BEGIN).' }),
    'list-rules': Flags.boolean({ summary: 'List the rules and exit.' }),
    locks: Flags.boolean({
      summary: 'Report the locks the PostgreSQL statements take (what each blocks, and whether it rewrites or scans the table) instead of findings.',
      exclusive: ['fail-on', 'list-rules'],
    }),
  };

  async run(): Promise<LintReport | LockEntry[] | { rules: RuleListing[] }> {
    const { argv, flags } = await this.parse(Lint);
    if (flags['list-rules']) return this.listRules();
    const { loadConfig } = await import('../config/load-config.js');
    const sources = this.configSources(flags);
    const request: LintRequest = {
      paths: argv as string[],
      range: { from: flags.from, to: flags.to },
      ...(flags['fail-on'] && { failOn: flags['fail-on'] as LintReport['failOn'] }),
      ...(flags['postgresql-version'] !== undefined && { postgresqlVersion: flags['postgresql-version'] }),
      ...(flags['mysql-version'] !== undefined && { mysqlVersion: flags['mysql-version'] }),
      ...(flags['sql-server-edition'] !== undefined && { sqlServerEdition: flags['sql-server-edition'] as SqlServerEdition }),
      ...(flags['assume-in-transaction'] && { assumeInTransaction: true }),
    };
    const environment: LintEnvironment = { cwd: sources.cwd, loadConfig: () => loadConfig(sources), openProject: () => this.openProject(flags), readStdin };
    if (flags.locks) return this.lockReport(request, environment, flags.format as ReportFormat);
    const [{ runLint }, { LINT_FINDING_KINDS }] = await Promise.all([import('../lint/run-lint.js'), import('../lint/engine.js')]);
    const report = await runLint(request, environment);
    await this.printReport(report, flags.format as ReportFormat, LINT_FINDING_KINDS);
    return report;
  }

  /** Prints the lock report; inputs it does not cover are named on standard error beside JSON. */
  private async lockReport(request: LintRequest, environment: LintEnvironment, format: ReportFormat): Promise<LockEntry[]> {
    const [{ runLockReport }, { formatLocks, lockFormat, notCoveredWarnings }] = await Promise.all([import('../lint/locks/run-locks.js'), import('../lint/locks/format-locks.js')]);
    const shown = lockFormat(format);
    const report = await runLockReport(request, environment);
    if (shown === 'json') for (const warning of notCoveredWarnings(report)) this.warn(warning);
    if (!this.jsonEnabled()) this.log(formatLocks(report, shown));
    return report.entries;
  }

  private async listRules(): Promise<{ rules: RuleListing[] }> {
    const { listRules, formatRuleList } = await import('../lint/report/rule-list.js');
    const rules = listRules();
    this.log(formatRuleList(rules));
    return { rules };
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
