/**
 * `sqlgen lint` as a function: picks the inputs (a revision range, SQL files, standard input or
 * bundle folders), lints them with the project's rule settings, and builds the report.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from '../config/load-config.js';
import { LintInputError } from '../errors.js';
import { configuredLint } from './configured-lint.js';
import type { DialectId } from '../dialects/dialect-id.js';
import type { Project } from '../project.js';
import type { RevisionRange } from './lint-project.js';
import { bundleSources, lintSqlSources, readSqlSource, type SqlSource } from './lint-sources.js';
import { countOf, lintReport, type FailOn, type LintReport } from './report/lint-report.js';
import { MYSQL_TARGET_PATTERN, type SqlServerEdition } from '../dialects/versions.js';
import type { Finding, LintSettings, ServerSettings } from './types.js';

/** The name standard input goes by, as an argument and in findings. */
export const STDIN_PATH = '-';
const STDIN_NAME = '<stdin>';

export interface LintRequest {
  /** SQL files, bundle folders, or `-` for standard input; empty to lint revisions. */
  paths: readonly string[];
  /** Which revisions, when no paths are given; defaults to `base` → `heads`. */
  range: Partial<RevisionRange>;
  /** --fail-on; the config's `lint.failOn` otherwise. */
  failOn?: FailOn;
  /** --postgresql-version; the config's `lint.postgresqlVersion` otherwise. */
  postgresqlVersion?: number;
  /** --mysql-version; the config's `lint.mysqlVersion` otherwise. */
  mysqlVersion?: string;
  /** --sql-server-edition; the config's `lint.sqlServerEdition` otherwise. */
  sqlServerEdition?: SqlServerEdition;
  /** --assume-in-transaction: SQL files and standard input run inside a transaction a tool opens. */
  assumeInTransaction?: boolean;
}

/** What the command supplies: the project, lazily, and the process's inputs. */
export interface LintEnvironment {
  cwd: string;
  loadConfig(): ProjectConfig;
  openProject(): Promise<Project>;
  readStdin(): Promise<string>;
}

export async function runLint(request: LintRequest, environment: LintEnvironment): Promise<LintReport> {
  checkRequest(request);
  if (request.paths.length === 0) {
    const project = await environment.openProject();
    // Imported here: rendering revisions loads knex, which linting SQL files has no use for.
    const { lintRevisionRange } = await import('./lint-project.js');
    const { findings, revisions } = await lintRevisionRange(project, revisionRangeOf(request), serversOf(request));
    return lintReport(findings, countOf(revisions, 'revision'), request.failOn ?? project.config.lint.failOn);
  }
  const config = environment.loadConfig();
  const findings = await lintPaths(request.paths, { ...configuredLint(config), ...serversOf(request) }, request.assumeInTransaction ?? false, config, environment);
  return lintReport(findings, countOf(request.paths.length, 'input'), request.failOn ?? config.lint.failOn);
}

/**
 * Refuses flags that cannot go together.
 *
 * @throws LintInputError `CONFLICTING_INPUTS` or `UNKNOWN_SERVER`.
 */
export function checkRequest(request: LintRequest): void {
  if (request.paths.length > 0 && (request.range.from || request.range.to)) {
    throw new LintInputError('CONFLICTING_INPUTS', 'give either SQL files/bundles or --from/--to, not both', 'lint files: sqlgen lint a.sql b.sql; lint revisions: sqlgen lint --from base --to heads');
  }
  if (request.assumeInTransaction && request.paths.length === 0) {
    throw new LintInputError('CONFLICTING_INPUTS', '--assume-in-transaction is for SQL files and standard input', "sqlgen's own scripts say their transactions: lint revisions without it, or give the SQL files a tool will wrap");
  }
  if (request.mysqlVersion !== undefined && !new RegExp(MYSQL_TARGET_PATTERN).test(request.mysqlVersion)) {
    throw new LintInputError('UNKNOWN_SERVER', `--mysql-version ${request.mysqlVersion} names no server`, 'write mysql-<version> or mariadb-<version>, e.g. mysql-8.0.36 or mariadb-10.11');
  }
}

/** The revisions a request without paths is about: `base` → `heads` unless it says otherwise. */
export function revisionRangeOf(request: LintRequest): RevisionRange {
  return { from: request.range.from ?? 'base', to: request.range.to ?? 'heads' };
}

/** The server settings the flags gave; the config's stand for the others. */
export function serversOf(request: LintRequest): ServerSettings {
  const { postgresqlVersion, mysqlVersion, sqlServerEdition } = request;
  return {
    ...(postgresqlVersion !== undefined && { postgresqlVersion }),
    ...(mysqlVersion !== undefined && { mysqlVersion }),
    ...(sqlServerEdition !== undefined && { sqlServerEdition }),
  };
}

async function lintPaths(paths: readonly string[], settings: LintSettings, assumeInTransaction: boolean, config: ProjectConfig, environment: LintEnvironment): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const input of await sqlInputs(paths, assumeInTransaction, config, environment)) {
    for (const finding of await lintSqlSources(input.sources, { dialect: input.dialect, ...settings, assumeInTransaction: input.assumeInTransaction })) findings.push(finding);
  }
  return findings;
}

/** The scripts of one input (a SQL file, standard input or a bundle folder), with their dialect. */
export interface SqlInput {
  /** The argument as given. */
  input: string;
  dialect: DialectId;
  sources: SqlSource[];
  /** Whether the scripts run inside a transaction a tool opens. */
  assumeInTransaction: boolean;
}

/** SQL files and standard input run inside a tool's transaction when `assumeInTransaction`; a bundle's scripts say their own. */
export async function sqlInputs(paths: readonly string[], assumeInTransaction: boolean, config: ProjectConfig, environment: LintEnvironment): Promise<SqlInput[]> {
  const inputs: SqlInput[] = [];
  for (const input of paths) {
    if (isFolder(input, environment.cwd)) {
      const bundle = bundleSources(input, environment.cwd);
      inputs.push({ input, dialect: bundle.dialect, sources: bundle.sources, assumeInTransaction: false });
    } else {
      const source: SqlSource = input === STDIN_PATH ? { file: STDIN_NAME, text: await environment.readStdin() } : readSqlSource(input, environment.cwd);
      inputs.push({ input, dialect: fileDialect(config, input), sources: [source], assumeInTransaction });
    }
  }
  return inputs;
}

/** SQL files say nothing of their dialect: it must come from --dialect, the environment or the config. */
function fileDialect(config: ProjectConfig, input: string): ProjectConfig['dialect'] {
  if (config.dialectOrigin !== 'default') return config.dialect;
  throw new LintInputError('NO_DIALECT', `${input === STDIN_PATH ? STDIN_NAME : input}: which dialect is this SQL?`, 'give --dialect (postgresql, mysql, sqlite or mssql), or set "dialect" in sqlgen.config.json', { file: input });
}

function isFolder(input: string, cwd: string): boolean {
  return input !== STDIN_PATH && (statSync(path.resolve(cwd, input), { throwIfNoEntry: false })?.isDirectory() ?? false);
}
