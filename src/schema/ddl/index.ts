import type { Snapshot, SnapshotDialect } from '../snapshot.js';
import { postgresqlSchemaDdl } from './postgresql.js';
import { sqliteSchemaDdl } from './sqlite.js';

const WRITERS = { postgresql: postgresqlSchemaDdl, sqlite: sqliteSchemaDdl } satisfies Record<SnapshotDialect, (snapshot: Snapshot) => string>;

/** The schema a snapshot describes, as DDL of its dialect (the bundle's schema.sql, `sqlgen schema`). */
export function schemaDdl(snapshot: Snapshot): string {
  return WRITERS[snapshot.dialect](snapshot);
}
