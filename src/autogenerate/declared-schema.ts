/**
 * The declared schema (config `schema`, default `schema.sql`): the complete schema the project
 * wants, as DDL of its dialect, or as a module of knex table builders (schema-module.ts). It is applied to an empty embedded engine and read back from the
 * catalog, so it is compared with head exactly as two databases would be.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EmbeddedEngine } from '../engines/engine.js';
import { SchemaFileError } from '../errors.js';
import { splitStatements } from '../lint/split-statements.js';
import { openEmbedded, replay, upgradeTo } from '../rehearse/schema-at.js';
import type { Project } from '../project.js';
import { projectRelativePath } from '../project-path.js';
import { diffSnapshots, type SchemaChange } from '../schema/schema-diff.js';
import { schemaModuleDdl } from './schema-module.js';
import type { Snapshot } from '../schema/snapshot.js';

export interface DeclaredSchema {
  /** Project-relative path of the file. */
  file: string;
  snapshot: Snapshot;
}

/** The declared schema's DDL, before any engine has seen it. */
export interface DeclaredSource {
  /** Project-relative path of the file. */
  file: string;
  sql: string;
  /** A module's DDL is sqlgen's rendering: its lines are not the file's. */
  fromModule: boolean;
}

/** The declared schema as DDL of the project's dialect, or null when the project has no such file. */
export async function declaredSource(project: Project): Promise<DeclaredSource | null> {
  const absolute = project.config.schema;
  if (!existsSync(absolute)) return null;
  const file = projectRelativePath(project.config.projectRoot, absolute);
  const fromModule = /\.[cm]?[jt]s$/.test(absolute);
  if (!fromModule && !absolute.endsWith('.sql')) {
    throw new SchemaFileError('SCHEMA_INVALID', `${file}: the declared schema must be a .sql file of DDL or a TypeScript or JavaScript module`, `write the complete schema as ${project.config.dialect} DDL in schema.sql, or as \`export default defineSchema({...})\` in schema.ts`, { file });
  }
  return { file, fromModule, sql: fromModule ? await schemaModuleDdl(project, absolute, file) : readFileSync(absolute, 'utf8') };
}

/**
 * The declared schema read through `engine`, which must be empty. It is applied inside a
 * transaction that is rolled back (DDL is transactional on PostgreSQL and SQLite), so the same
 * engine can be brought to head next: one engine instead of two, which saves PGlite's start.
 * A schema with its own transaction control or CONCURRENTLY gets an engine of its own.
 */
async function readDeclaredSchema(project: Project, declared: DeclaredSource, engine: EmbeddedEngine): Promise<DeclaredSchema> {
  const { statements } = splitStatements(declared.sql, { file: declared.file, dialect: project.config.dialect });
  if (statements.some((statement) => statement.transactionControl || /\bconcurrently\b/i.test(statement.sql))) {
    const own = await openEmbedded(project, [declared.sql]);
    try {
      return { file: declared.file, snapshot: await applyDeclared(own, declared, declared.sql) };
    } finally {
      await own.close();
    }
  }
  // BEGIN on the first line, so the engine's line numbers are the file's.
  const snapshot = await applyDeclared(engine, declared, `BEGIN; ${declared.sql}`);
  await engine.apply('ROLLBACK;', declared.file);
  return { file: declared.file, snapshot };
}

/**
 * One engine that has read the declared schema (rolled back) and was then brought to `to` by
 * sqlgen's own upgrade script: autogenerate and the drift check compare the two on it. The
 * caller closes the engine.
 */
export async function declaredThenHead(project: Project, source: DeclaredSource, to: string): Promise<{ engine: EmbeddedEngine; declared: DeclaredSchema }> {
  const upgrade = await upgradeTo(project, to);
  const engine = await openEmbedded(project, [source.sql, upgrade.script]);
  try {
    const declared = await readDeclaredSchema(project, source, engine);
    await replay(engine, upgrade);
    return { engine, declared };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

async function applyDeclared(engine: EmbeddedEngine, { file, fromModule }: DeclaredSource, sql: string): Promise<Snapshot> {
  const outcome = await engine.apply(sql, file);
  if (!outcome.ok) {
    const where = fromModule ? `${file}: ${engine.description} refused \`${outcome.statement.split('\n')[0]}\`` : `${file}:${outcome.line}: ${engine.description} refused a statement of the declared schema`;
    throw new SchemaFileError('SCHEMA_INVALID', `${where}: ${outcome.message}`, fromModule ? 'fix the table it comes from (a table must come after the tables it references)' : 'fix the statement; the declared schema must apply to an empty database as it stands', { file, ...(!fromModule && { line: outcome.line }) });
  }
  return engine.snapshot({ fresh: true });
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
