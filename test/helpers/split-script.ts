import { sqlPieces } from '../../src/compile/inline-bindings.js';
import { POSTGRESQL_SYNTAX } from '../../src/dialects/literals/postgresql.js';

/**
 * A PostgreSQL script cut into statements the way psql sends them, one at a time. PGlite's
 * exec() sends a whole string as one simple query, which PostgreSQL runs as one implicit
 * transaction; CREATE INDEX CONCURRENTLY would then fail where psql succeeds.
 */
export function psqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const piece of sqlPieces(script, POSTGRESQL_SYNTAX)) {
    current += piece.text;
    if (piece.kind === 'terminator') {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}
