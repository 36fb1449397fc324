import { PGlite } from '@electric-sql/pglite';
import { psqlStatements } from './split-script.js';

/** A new, empty PGlite database (real PostgreSQL compiled to WebAssembly). */
export async function freshPglite(): Promise<PGlite> {
  const db = new PGlite();
  await db.waitReady;
  return db;
}

/** Runs a script as psql does: statement by statement. */
export async function runPsqlScript(db: PGlite, script: string): Promise<void> {
  for (const statement of psqlStatements(script)) await db.exec(statement);
}
