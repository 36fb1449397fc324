import type { Extensions, PGlite } from '@electric-sql/pglite';
import { createPglite } from '../../src/engines/pglite.js';
import { splitStatements } from '../../src/lint/split-statements.js';

/**
 * A new, empty PGlite database (real PostgreSQL compiled to WebAssembly), loaded from the
 * initial data directory the engine caches, as a rehearsal opens it: initdb runs once per test run.
 */
export function freshPglite(extensions?: Extensions): Promise<PGlite> {
  return createPglite(extensions);
}

/**
 * Runs a script as psql does: statement by statement. PGlite's exec() sends a whole string as
 * one simple query, which PostgreSQL runs as one implicit transaction; CREATE INDEX
 * CONCURRENTLY would then fail where psql succeeds.
 */
export async function runPsqlScript(db: PGlite, script: string): Promise<void> {
  for (const { sql } of splitStatements(script, { file: 'script.sql', dialect: 'postgresql' }).statements) await db.exec(sql);
}
