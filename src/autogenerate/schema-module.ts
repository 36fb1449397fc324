/**
 * A declared schema written with knex's table builder, for teams that think in knex:
 *
 * ```ts
 * import { defineSchema } from 'sqlgen';
 * export default defineSchema({
 *   customers: (t) => { t.increments('id'); t.string('email', 320).notNullable().unique(); },
 *   orders: (t, op) => { t.increments('id'); t.timestamp('placed_at').defaultTo(op.fn.now()); },
 * });
 * ```
 *
 * Each entry becomes `op.createTable(name, build)`, in the order written, rendered by the normal
 * compiler for the project's dialect: the DDL is what the same calls in a revision would give.
 */
import { readFileSync } from 'node:fs';
import { renderSettings } from '../compile/project-scripts.js';
import { renderUpgrade } from '../compile/render-range.js';
import { SchemaFileError } from '../errors.js';
import type { Project } from '../project.js';
import { RevisionModuleLoader } from '../revisions/load-module.js';
import { RevisionGraph } from '../revisions/graph.js';
import type { Operations, Revision, SchemaDefinition } from '../revisions/types.js';
import { sha256Hex } from '../sha256.js';

/** The module's tables as DDL of the project's dialect (without version bookkeeping). */
export async function schemaModuleDdl(project: Project, absolute: string, shown: string): Promise<string> {
  const text = readFileSync(absolute, 'utf8');
  const [loaded] = await new RevisionModuleLoader(() => shown).loadAll([{ file: absolute, text, sha256: sha256Hex(text) }]);
  const tables = definitionOf(loaded!.exports, shown);
  const revision: Revision = {
    id: 'declared',
    parents: [],
    dependsOn: [],
    branchLabels: [],
    message: 'declared schema',
    file: shown,
    format: 'module',
    lintDisable: [],
    upgrade: { kind: 'function', run: (op) => createTables(op, tables) },
    downgrade: { kind: 'none' },
    sourceSha256: sha256Hex(text),
    localImports: [],
  };
  const settings = { ...renderSettings(project, { guards: false }), graph: RevisionGraph.build([revision]) };
  return (await renderUpgrade(settings, 'base', 'declared')).sql;
}

function createTables(op: Operations, tables: SchemaDefinition): void {
  for (const [name, build] of Object.entries(tables)) op.createTable(name, (table) => build(table, op));
}

function definitionOf(exports: unknown, shown: string): SchemaDefinition {
  const record = exports as { __esModule?: boolean; default?: unknown } | null;
  const definition = record && 'default' in record ? record.default : exports;
  const valid = typeof definition === 'object' && definition !== null && Object.values(definition).length > 0 && Object.values(definition).every((value) => typeof value === 'function');
  if (!valid) throw new SchemaFileError('SCHEMA_INVALID', `${shown}: the module's default export is not a schema`, 'write `export default defineSchema({ table_name: (t) => { ... } })` with knex\'s table builder', { file: shown });
  return definition as SchemaDefinition;
}
