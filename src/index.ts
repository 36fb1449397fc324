/**
 * The public API a revision module may import: `import { defineRevision } from 'sqlgen'`.
 */
export type { Operations, MigrationFn, RevisionDefinition } from './revisions/types.js';
export type { DialectId } from './dialects/dialect-id.js';

/**
 * Typing helper for revision modules; returns its argument unchanged.
 * @example
 * export default defineRevision({ id: '3f2a9c1b7d4e', parents: [], message: 'init', upgrade(op) {} });
 */
export function defineRevision<T extends import('./revisions/types.js').RevisionDefinition>(revision: T): T {
  return revision;
}
