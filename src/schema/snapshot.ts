/**
 * The snapshot model: a normalized, deterministic description of a database, read only from an
 * engine's catalogs (src/schema/readers/). Readers normalize once (canonical spelling, sorted
 * lists, the version table taken out of `tables`), so the differ (schema-diff.ts) can compare
 * plain strings. Column order is kept in `columns` but never compared: `ADD COLUMN` appends,
 * so a rollback and re-upgrade, or a rebuild, may not reproduce it.
 */

export type SnapshotDialect = 'postgresql' | 'sqlite';

export interface Snapshot {
  dialect: SnapshotDialect;
  /** Schemas other than the default one (`public`; SQLite has none). */
  schemas: readonly string[];
  /** Installed extensions: `name` and `version` (PostgreSQL). */
  extensions: readonly NamedDefinition[];
  /** Enum types with their labels in sort order. */
  enums: readonly SnapshotEnum[];
  /** Domains: `CREATE DOMAIN` minus the name (base type, default, NOT NULL, checks). */
  domains: readonly NamedDefinition[];
  /** Sequences by definition, never by position (a rollback does not rewind a sequence). */
  sequences: readonly NamedDefinition[];
  tables: readonly SnapshotTable[];
  views: readonly SnapshotView[];
  /** Functions and procedures, named with their argument types. */
  functions: readonly NamedDefinition[];
  /** Comments on objects other than tables and columns (those carry their own). */
  comments: readonly NamedDefinition[];
  /** Rows of the version table, sorted; null when the version table does not exist. */
  versions: readonly string[] | null;
}

/**
 * Names are qualified only outside the default schema: `customers`, `audit.events`. A column,
 * constraint, index or trigger is named within its table.
 */
export interface NamedDefinition {
  name: string;
  definition: string;
}

export interface SnapshotEnum {
  name: string;
  values: readonly string[];
}

export interface SnapshotTable {
  name: string;
  /** Besides `table`: `partitioned table`, `unlogged table`, ... as the engine tells it. */
  kind: string;
  columns: readonly SnapshotColumn[];
  /** Primary key, unique, foreign key, check and exclusion constraints (not NOT NULL, a column property). */
  constraints: readonly SnapshotConstraint[];
  /** Every index, including those behind constraints (`constraint` names it). */
  indexes: readonly SnapshotIndex[];
  triggers: readonly NamedDefinition[];
  comment: string | null;
  rows: SnapshotRows;
}

export interface SnapshotColumn {
  name: string;
  /** Canonical type as the engine spells it: `character varying(320)`, `integer`, `varchar(2)`. */
  type: string;
  nullable: boolean;
  default: string | null;
  /** Only when it differs from the type's default collation. */
  collation: string | null;
  /** `always` / `by default` for identity columns. */
  identity: string | null;
  /** The expression of a generated column, with `stored`/`virtual`. */
  generated: string | null;
  comment: string | null;
}

export interface SnapshotConstraint {
  name: string;
  /** The engine's own text: `PRIMARY KEY (id)`, `FOREIGN KEY (a) REFERENCES b(id)`, with `NOT VALID` when unvalidated. */
  definition: string;
}

export interface SnapshotIndex {
  name: string;
  /** The engine's own `CREATE [UNIQUE] INDEX ...` text, normalized. */
  definition: string;
  /** The constraint the index enforces, if any (the DDL writer then leaves it out). */
  constraint: string | null;
}

export interface SnapshotView {
  name: string;
  materialized: boolean;
  definition: string;
  comment: string | null;
}

/**
 * What a table holds. The digest covers the rows with the columns a sequence, identity or
 * non-constant default fills left out (a rollback and re-upgrade assigns new ids and times),
 * so it changes when the data does but not when only those values do.
 */
export interface SnapshotRows {
  count: number;
  digest: string;
}
