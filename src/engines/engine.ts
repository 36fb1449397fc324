import type { Snapshot } from '../schema/snapshot.js';
import type { VersionTableName } from '../schema/readers/catalog-source.js';

/**
 * A real database engine running inside sqlgen's process (PGlite, sql.js), with no connection
 * to anything. It applies a script as the DBA's client would (statement by statement, the
 * script's own transactions, stopping at the first error) and reads snapshots from its catalogs.
 */
export interface EmbeddedEngine {
  /** Engine and version as a reviewer reads it: `PostgreSQL 18.1 (PGlite 0.5.16, embedded)`. */
  readonly description: string;
  /** Runs `script` as `psql -v ON_ERROR_STOP=1` / `sqlite3 -bail` would; `file` names it in the outcome. */
  apply(script: string, file: string): Promise<ApplyOutcome>;
  /** The database as it is now, read from the catalogs. */
  snapshot(options?: SnapshotOptions): Promise<Snapshot>;
  close(): Promise<void>;
}

export interface SnapshotOptions {
  /**
   * Read every object again. Without it, an engine may read again only what the scripts
   * applied since its last snapshot name, and take the rest from that snapshot.
   */
  fresh?: boolean;
}

export type ApplyOutcome = AppliedScript | FailedStatement;

export interface AppliedScript {
  ok: true;
  /** Rows the script's queries printed (the SQLite guard prints what it found), one line each. */
  output: string[];
}

/** The first statement the engine refused; nothing after it ran. */
export interface FailedStatement {
  ok: false;
  file: string;
  line: number;
  /** The statement as the script has it. */
  statement: string;
  /** The engine's own message. */
  message: string;
  /**
   * Set when the engine cannot run the statement but a server can (an extension the embedded
   * build lacks): a limit of the rehearsal, not an error of the script.
   */
  notRehearsable?: string;
  output: string[];
}

export interface EngineOptions {
  versionTable: VersionTableName;
}
