import type { JSONSchemaType } from 'ajv';
import { DIALECT_IDS, type DialectId } from '../dialects/dialect-id.js';
import { DEFAULT_MYSQL_TARGET, DEFAULT_POSTGRESQL_VERSION, DEFAULT_SQL_SERVER_EDITION, MIN_POSTGRESQL_VERSION, MYSQL_TARGET_PATTERN, SQL_SERVER_EDITIONS, type SqlServerEdition } from '../dialects/versions.js';

/** Severity levels a lint rule can be configured to; `off` disables it. */
export const LINT_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type LintLevel = (typeof LINT_LEVELS)[number];

/**
 * `sqlgen.config.json` as written by the user. Every field is optional; defaults live in
 * {@link CONFIG_DEFAULTS}. The schema below is checked against this type by ajv's JSONSchemaType,
 * so the two cannot drift apart.
 */
export interface ConfigFile {
  $schema?: string;
  dialect?: DialectId;
  /** A database URL, used only to infer the dialect; never printed or stored. */
  url?: string;
  revisionsDir?: string;
  outputDir?: string;
  templatesDir?: string;
  versionTable?: { name?: string; schema?: string };
  transactionPerRevision?: boolean;
  /** Scripts check the version table before they change anything (default true). */
  guards?: boolean;
  format?: { enabled?: boolean; keywordCase?: 'upper' | 'lower' | 'preserve'; tabWidth?: number };
  lint?: { failOn?: Exclude<LintLevel, 'off'> | 'none'; rules?: Record<string, LintLevel>; postgresqlVersion?: number; mysqlVersion?: string; sqlServerEdition?: SqlServerEdition };
  signing?: { privateKey?: string; publicKey?: string };
  /** `sqlgen check` accepts several heads when true. */
  allowMultipleHeads?: boolean;
  /** The oldest SQLite the scripts must run on: sqlgen emits no statement form newer than it. */
  sqlite?: { minimumVersion?: string };
  /** How long a revision's code may run (its loading, or one upgrade/downgrade) before sqlgen stops it. */
  revisionTimeoutSeconds?: number;
  /** `bundle` rehearses its scripts on an embedded engine (default on); `seed` is SQL run at the start state first. */
  rehearsal?: { enabled?: boolean; seed?: string };
  /** The declared schema (`schema.sql`, or a TypeScript module): what `revision --autogenerate` and the drift check compare head with. */
  schema?: string;
}

/** A day: longer is no limit at all, and Node's timers overflow past about 24.8 days. */
export const MAX_REVISION_TIMEOUT_SECONDS = 86400;

const relativePath = { type: 'string', minLength: 1 } as const;
const sqlIdentifier = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[^\\u0000]+$' } as const;

export const configFileSchema: JSONSchemaType<ConfigFile> = {
  $id: 'https://sqlgen.dev/schemas/config.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', nullable: true },
    dialect: { type: 'string', enum: [...DIALECT_IDS], nullable: true },
    url: { type: 'string', minLength: 1, nullable: true },
    revisionsDir: { ...relativePath, nullable: true },
    outputDir: { ...relativePath, nullable: true },
    templatesDir: { ...relativePath, nullable: true },
    versionTable: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        name: { ...sqlIdentifier, nullable: true },
        schema: { ...sqlIdentifier, nullable: true },
      },
    },
    transactionPerRevision: { type: 'boolean', nullable: true },
    guards: { type: 'boolean', nullable: true },
    format: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean', nullable: true },
        keywordCase: { type: 'string', enum: ['upper', 'lower', 'preserve'], nullable: true },
        tabWidth: { type: 'integer', minimum: 1, maximum: 8, nullable: true },
      },
    },
    lint: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        failOn: { type: 'string', enum: ['info', 'warning', 'error', 'none'], nullable: true },
        postgresqlVersion: { type: 'integer', minimum: MIN_POSTGRESQL_VERSION, maximum: 99, nullable: true },
        mysqlVersion: { type: 'string', pattern: MYSQL_TARGET_PATTERN, nullable: true },
        sqlServerEdition: { type: 'string', enum: [...SQL_SERVER_EDITIONS], nullable: true },
        rules: {
          type: 'object',
          nullable: true,
          required: [],
          propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
          additionalProperties: { type: 'string', enum: [...LINT_LEVELS] },
        },
      },
    },
    signing: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        privateKey: { ...relativePath, nullable: true },
        publicKey: { ...relativePath, nullable: true },
      },
    },
    allowMultipleHeads: { type: 'boolean', nullable: true },
    sqlite: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        minimumVersion: { type: 'string', pattern: '^3\\.[0-9]+\\.[0-9]+$', nullable: true },
      },
    },
    revisionTimeoutSeconds: { type: 'number', exclusiveMinimum: 0, maximum: MAX_REVISION_TIMEOUT_SECONDS, nullable: true },
    rehearsal: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean', nullable: true },
        seed: { ...relativePath, nullable: true },
      },
    },
    schema: { ...relativePath, nullable: true },
  },
};

/** Defaults applied when neither flag, environment nor file sets a field. */
export const CONFIG_DEFAULTS = {
  dialect: 'postgresql',
  revisionsDir: 'revisions',
  outputDir: 'output',
  templatesDir: 'templates',
  versionTable: { name: 'sqlgen_version' },
  transactionPerRevision: true,
  guards: true,
  format: { enabled: true, keywordCase: 'upper', tabWidth: 2 },
  lint: { failOn: 'error', rules: {}, postgresqlVersion: DEFAULT_POSTGRESQL_VERSION, mysqlVersion: DEFAULT_MYSQL_TARGET, sqlServerEdition: DEFAULT_SQL_SERVER_EDITION },
  allowMultipleHeads: false,
  // DROP COLUMN, which SQLite gained in 3.35.0, is the newest form sqlgen relies on.
  sqlite: { minimumVersion: '3.35.0' },
  revisionTimeoutSeconds: 60,
  rehearsal: { enabled: true },
  schema: 'schema.sql',
} as const satisfies Partial<ConfigFile>;
