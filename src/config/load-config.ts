import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { isDialectId, DIALECT_IDS, type DialectId } from '../dialects/dialect-id.js';
import { CONFIG_DEFAULTS, configFileSchema, MAX_REVISION_TIMEOUT_SECONDS, type ConfigFile, type LintLevel } from './schema.js';
import { dialectFromUrl } from './dialect-from-url.js';
import { compileSchema, describeSchemaErrors } from '../schema-validation.js';
import { jsonSyntaxError } from './json-location.js';
import { compareVersions, type SqlServerEdition } from '../dialects/versions.js';

export const CONFIG_FILE_NAME = 'sqlgen.config.json';

/** Where the dialect came from, for `--verbose` and `--json` consumers. */
export type Origin = 'flag' | 'env' | 'file' | 'default';

/** The effective configuration: every path absolute, every default applied, no URL kept. */
export interface ProjectConfig {
  projectRoot: string;
  configFile: string | null;
  dialect: DialectId;
  dialectOrigin: Origin;
  revisionsDir: string;
  outputDir: string;
  templatesDir: string;
  versionTable: { name: string; schema?: string };
  transactionPerRevision: boolean;
  guards: boolean;
  format: { enabled: boolean; keywordCase: 'upper' | 'lower' | 'preserve'; tabWidth: number };
  lint: { failOn: Exclude<LintLevel, 'off'> | 'none'; rules: Record<string, LintLevel>; postgresqlVersion: number; mysqlVersion: string; sqlServerEdition: SqlServerEdition };
  signing: { privateKey?: string; publicKey?: string };
  allowMultipleHeads: boolean;
  sqlite: { minimumVersion: string };
  /** From `SQLGEN_REVISION_TIMEOUT`, else the file, else 60. */
  revisionTimeoutSeconds: number;
  /** Whether `bundle` rehearses (PostgreSQL and SQLite), and the absolute path of the seed file, if any. */
  rehearsal: { enabled: boolean; seed?: string };
  /** Absolute path of the declared schema; it may not exist (then there is nothing to compare with). */
  schema: string;
}

export interface ConfigSources {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: { config?: string; dialect?: string; url?: string };
}

/**
 * Loads the project configuration. Precedence per setting: flag > environment
 * (`SQLGEN_CONFIG`, `SQLGEN_DIALECT`, `SQLGEN_URL`, `SQLGEN_REVISION_TIMEOUT`) > `sqlgen.config.json` > default.
 * The config file is the one named by `--config`/`SQLGEN_CONFIG`, else the nearest one upward
 * (see {@link findConfigUpward}); its folder is the project root, against which every path in
 * it resolves. With no config file, the working directory is the project root and defaults apply.
 */
export function loadConfig(sources: ConfigSources): ProjectConfig {
  const configFile = locateConfigFile(sources);
  const projectRoot = configFile ? path.dirname(configFile) : sources.cwd;
  const file = configFile ? readConfigFile(configFile, sources.cwd) : {};
  const fromRoot = (relative: string) => path.resolve(projectRoot, relative);
  const { dialect, origin } = resolveDialect(sources, file, configFile ? path.relative(sources.cwd, configFile) : '');
  return {
    projectRoot,
    configFile,
    dialect,
    dialectOrigin: origin,
    revisionsDir: fromRoot(file.revisionsDir ?? CONFIG_DEFAULTS.revisionsDir),
    outputDir: fromRoot(file.outputDir ?? CONFIG_DEFAULTS.outputDir),
    templatesDir: fromRoot(file.templatesDir ?? CONFIG_DEFAULTS.templatesDir),
    versionTable: { ...CONFIG_DEFAULTS.versionTable, ...file.versionTable },
    transactionPerRevision: file.transactionPerRevision ?? CONFIG_DEFAULTS.transactionPerRevision,
    guards: file.guards ?? CONFIG_DEFAULTS.guards,
    format: { ...CONFIG_DEFAULTS.format, ...file.format },
    lint: {
      ...CONFIG_DEFAULTS.lint,
      ...file.lint,
      rules: { ...file.lint?.rules },
      postgresqlVersion: file.lint?.postgresqlVersion ?? CONFIG_DEFAULTS.lint.postgresqlVersion,
      mysqlVersion: file.lint?.mysqlVersion ?? CONFIG_DEFAULTS.lint.mysqlVersion,
      sqlServerEdition: file.lint?.sqlServerEdition ?? CONFIG_DEFAULTS.lint.sqlServerEdition,
    },
    signing: {
      ...(file.signing?.privateKey && { privateKey: fromRoot(file.signing.privateKey) }),
      ...(file.signing?.publicKey && { publicKey: fromRoot(file.signing.publicKey) }),
    },
    allowMultipleHeads: file.allowMultipleHeads ?? CONFIG_DEFAULTS.allowMultipleHeads,
    sqlite: { minimumVersion: sqliteMinimumVersion(file, configFile ? path.relative(sources.cwd, configFile) : '') },
    revisionTimeoutSeconds: revisionTimeoutSeconds(sources.env, file),
    rehearsal: {
      enabled: file.rehearsal?.enabled ?? CONFIG_DEFAULTS.rehearsal.enabled,
      ...(file.rehearsal?.seed && { seed: fromRoot(file.rehearsal.seed) }),
    },
    schema: fromRoot(file.schema ?? CONFIG_DEFAULTS.schema),
  };
}

function locateConfigFile({ cwd, env, flags }: ConfigSources): string | null {
  const explicit = flags.config ?? env.SQLGEN_CONFIG;
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) {
      const origin = flags.config ? '--config' : 'SQLGEN_CONFIG';
      throw new ConfigError(`${explicit}: config file not found (named by ${origin})`, 'check the path, or run `sqlgen init` to create one', { file: explicit });
    }
    return file;
  }
  return findConfigUpward(cwd);
}

/**
 * `sqlgen.config.json` in `cwd` or the nearest folder above it, as git finds its repository: the
 * search stops at the filesystem root or at a folder holding `.git` (after looking there), so a
 * command run in `revisions/` or any other subfolder finds its project and never one outside
 * the repository.
 */
export function findConfigUpward(cwd: string): string | null {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) return null;
  }
}

const validateConfigFile = compileSchema(configFileSchema);

function readConfigFile(file: string, cwd: string): ConfigFile {
  const shown = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the file exists and is readable', { file: shown });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the error, which may be part of a database URL.
    const { line, column, problem } = jsonSyntaxError(text) ?? { line: 1, column: 1, problem: 'not valid JSON' };
    throw new ConfigError(`${shown}:${line}:${column}: invalid JSON: ${problem}`, 'fix the JSON syntax (no comments or trailing commas)', { file: shown, line, column });
  }
  if (!validateConfigFile(data)) {
    throw new ConfigError(`${shown}: invalid config:\n${describeSchemaErrors(validateConfigFile.errors)}`, `see "Configuration" in the README for every key and its type`, { file: shown });
  }
  return data;
}

/** The dialect from the highest-precedence level that names one, explicitly or through a URL. */
function resolveDialect(sources: ConfigSources, file: ConfigFile, fileName: string): { dialect: DialectId; origin: Origin } {
  const levels: Array<{ origin: Origin; label: string; dialect?: string; url?: string }> = [
    { origin: 'flag', label: '--dialect/--url', dialect: sources.flags.dialect, url: sources.flags.url },
    { origin: 'env', label: 'SQLGEN_DIALECT/SQLGEN_URL', dialect: sources.env.SQLGEN_DIALECT, url: sources.env.SQLGEN_URL },
    { origin: 'file', label: fileName, dialect: file.dialect, url: file.url },
  ];
  for (const level of levels) {
    const named = level.dialect ? checkedDialect(level.dialect, level.label) : undefined;
    const inferred = level.url ? dialectFromUrl(level.url, level.label) : undefined;
    if (named && inferred && named !== inferred) {
      throw new ConfigError(`${level.label}: dialect "${named}" contradicts the URL, which names ${inferred}`, 'set only one of them, or make them agree');
    }
    const dialect = named ?? inferred;
    if (dialect) return { dialect, origin: level.origin };
  }
  return { dialect: CONFIG_DEFAULTS.dialect, origin: 'default' };
}

/** sqlgen renders SQLite's DROP COLUMN natively, so nothing older than 3.35.0 can run its scripts. */
function sqliteMinimumVersion(file: ConfigFile, fileName: string): string {
  const version = file.sqlite?.minimumVersion ?? CONFIG_DEFAULTS.sqlite.minimumVersion;
  if (compareVersions(version, CONFIG_DEFAULTS.sqlite.minimumVersion) < 0) {
    throw new ConfigError(`${fileName}: sqlite.minimumVersion ${version} is older than ${CONFIG_DEFAULTS.sqlite.minimumVersion}, the oldest SQLite sqlgen supports`, `set it to ${CONFIG_DEFAULTS.sqlite.minimumVersion} or newer`, { file: fileName });
  }
  return version;
}

/** The environment's limit, checked as the file's is by the schema, wins over the file's. */
function revisionTimeoutSeconds(env: NodeJS.ProcessEnv, file: ConfigFile): number {
  const fromEnv = env.SQLGEN_REVISION_TIMEOUT;
  if (fromEnv === undefined || fromEnv === '') return file.revisionTimeoutSeconds ?? CONFIG_DEFAULTS.revisionTimeoutSeconds;
  const seconds = Number(fromEnv);
  if (Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_REVISION_TIMEOUT_SECONDS) return seconds;
  throw new ConfigError(`SQLGEN_REVISION_TIMEOUT: "${fromEnv}" is not a number of seconds between 0 and ${MAX_REVISION_TIMEOUT_SECONDS}`, 'set it to a positive number of seconds, such as 120, or unset it');
}

function checkedDialect(value: string, label: string): DialectId {
  if (isDialectId(value)) return value;
  throw new ConfigError(`${label}: unknown dialect "${value}"`, `use one of: ${DIALECT_IDS.join(', ')}`);
}
