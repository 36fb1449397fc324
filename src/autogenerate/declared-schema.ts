/**
 * The declared schema (config `schema`, default `schema.sql`): the complete schema the project
 * wants, as DDL of its dialect. It is applied to an empty embedded engine and read back from the
 * catalog, so it is compared with head exactly as two databases would be.
 */
import { existsSync, readFileSync } from 'node:fs';
import { EMBEDDED_ENGINES, NO_EMBEDDED_ENGINE } from '../engines/index.js';
import type { EmbeddedEngine } from '../engines/engine.js';
import { RehearsalError, SchemaFileError } from '../errors.js';
import type { Project } from '../project.js';
import { projectRelativePath } from '../project-path.js';
import { diffSnapshots, type SchemaChange } from '../schema/schema-diff.js';
import type { Snapshot } from '../schema/snapshot.js';

export interface DeclaredSchema {
  /** Project-relative path of the file. */
  file: string;
  snapshot: Snapshot;
}

/** The declared schema read through an embedded engine, or null when the project has no such file. */
export async function readDeclaredSchema(project: Project): Promise<DeclaredSchema | null> {
  const absolute = project.config.schema;
  if (!existsSync(absolute)) return null;
  const file = projectRelativePath(project.config.projectRoot, absolute);
  if (!absolute.endsWith('.sql')) {
    throw new SchemaFileError('SCHEMA_INVALID', `${file}: the declared schema must be a .sql file of DDL`, `write the complete schema as ${project.config.dialect} DDL in a .sql file and point "schema" in sqlgen.config.json at it`, { file });
  }
  const sql = readFileSync(absolute, 'utf8');
  const engine = await openEngine(project, [sql]);
  try {
    const outcome = await engine.apply(sql, file);
    if (!outcome.ok) {
      throw new SchemaFileError('SCHEMA_INVALID', `${file}:${outcome.line}: ${engine.description} refused a statement of the declared schema: ${outcome.message}`, 'fix the statement; the declared schema must apply to an empty database as it stands', { file, line: outcome.line });
    }
    return { file, snapshot: await engine.snapshot({ fresh: true }) };
  } finally {
    await engine.close();
  }
}

/** An empty embedded database of the project's dialect; MySQL and SQL Server have none. */
export async function openEngine(project: Project, scripts: readonly string[]): Promise<EmbeddedEngine> {
  const { dialect } = project.config;
  const open = EMBEDDED_ENGINES[dialect];
  if (!open) {
    throw new RehearsalError('NO_EMBEDDED_ENGINE', `cannot compare schemas of a ${dialect} project: ${NO_EMBEDDED_ENGINE[dialect]}`, 'autogenerate and the drift check work for PostgreSQL and SQLite projects');
  }
  return open({ versionTable: project.config.versionTable }, scripts);
}

/** What differs in structure between two snapshots: rows and version rows left out, column order ignored. */
export function structuralChanges(actual: Snapshot, expected: Snapshot): SchemaChange[] {
  return diffSnapshots(actual, expected).filter((change) => change.kind !== 'rows' && change.kind !== 'version table');
}

/** Tables whose columns are the same but in another order (ADD COLUMN appends): information, not drift. */
export function columnOrderDifferences(actual: Snapshot, expected: Snapshot): string[] {
  const wanted = new Map(expected.tables.map((table) => [table.name, table.columns.map((column) => column.name).join(', ')]));
  return actual.tables.flatMap((table) => {
    const order = table.columns.map((column) => column.name).join(', ');
    const other = wanted.get(table.name);
    return other !== undefined && other !== order && [...table.columns.map((column) => column.name)].sort().join() === other.split(', ').sort().join() ? [`${table.name}: (${order}) where the declared schema has (${other})`] : [];
  });
}
