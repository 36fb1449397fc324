/**
 * The public API a revision or schema module may import: `import { defineRevision, defineSchema } from 'sqlgen'`.
 */
export type { Operations, MigrationFn, RevisionDefinition, DeclaredTable, SchemaDefinition } from './revisions/types.js';
export type { DialectId } from './dialects/dialect-id.js';

/**
 * Typing helper for revision modules; returns its argument unchanged.
 * @example
 * export default defineRevision({ id: '3f2a9c1b7d4e', parents: [], message: 'init', upgrade(op) {} });
 */
export function defineRevision<T extends import('./revisions/types.js').RevisionDefinition>(revision: T): T {
  return revision;
}

/**
 * Typing helper for a declared schema module (config `schema`, e.g. `schema.ts`); returns its
 * argument unchanged. Tables are created in the order written, with knex's table builder.
 * @example
 * export default defineSchema({ customers: (t) => { t.increments('id'); t.string('email', 320).notNullable(); } });
 */
export function defineSchema<T extends import('./revisions/types.js').SchemaDefinition>(schema: T): T {
  return schema;
}
