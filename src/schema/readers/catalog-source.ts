/**
 * Where a catalog reader sends its queries: an embedded engine in sqlgen, or a server's own
 * command-line client in the tests that prove the two agree. Each query returns one row of one
 * column holding JSON text, so `psql -At -c` and `sqlite3 db` can serve it as well as an
 * in-process engine.
 */
export interface CatalogSource {
  /**
   * Runs a query that yields one JSON text value, and returns it parsed. `args` are SQL
   * literals for the query's $1, $2, ... (only the embedded PostgreSQL engine is given any).
   */
  json(sql: string, args?: readonly string[]): Promise<unknown>;
}

/** The version table, taken out of the snapshot's tables and reported as `versions`. */
export interface VersionTableName {
  schema?: string;
  name: string;
}
