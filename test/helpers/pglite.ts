import { PGlite } from '@electric-sql/pglite';
import { splitStatements } from '../../src/lint/split-statements.js';

/** A new, empty PGlite database (real PostgreSQL compiled to WebAssembly). */
export async function freshPglite(): Promise<PGlite> {
  const db = new PGlite();
  await db.waitReady;
  return db;
}

/**
 * Runs a script as psql does: statement by statement. PGlite's exec() sends a whole string as
 * one simple query, which PostgreSQL runs as one implicit transaction; CREATE INDEX
 * CONCURRENTLY would then fail where psql succeeds.
 */
export async function runPsqlScript(db: PGlite, script: string): Promise<void> {
  for (const { sql } of splitStatements(script, { file: 'script.sql', dialect: 'postgresql' }).statements) await db.exec(sql);
}
