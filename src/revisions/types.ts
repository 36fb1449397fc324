import type { DialectId } from '../dialects/dialect-id.js';

/** What the graph needs of a revision: identity, edges and where it came from. */
export interface RevisionNode {
  id: string;
  /** Empty for a base revision, two or more for a merge. */
  parents: string[];
  /** Revisions (usually on other branches) that must be applied first; not graph parents. */
  dependsOn: string[];
  branchLabels: string[];
  message: string;
  /** Project-relative, POSIX-style path of the file that defined it; used in every error. */
  file: string;
}

/**
 * The operations a revision's `upgrade`/`downgrade` receives. The offline compiler provides the
 * implementation; a revision never sees a database connection.
 */
export interface Operations {
  /** The dialect being rendered, so a revision can branch where it must. */
  readonly dialect: DialectId;
  /** Emit raw SQL verbatim (no placeholder parsing). */
  execute(sql: string): void;
}

export type MigrationFn = (op: Operations) => void | Promise<void>;

/** The default export of a `<id>_<slug>.ts` revision module. */
export interface RevisionDefinition {
  id: string;
  parents: string[];
  message?: string;
  dependsOn?: string[];
  branchLabels?: string[];
  upgrade: MigrationFn;
  downgrade?: MigrationFn;
}

/** One direction of a revision: a function over {@link Operations}, or SQL text from a `.sql` file. */
export type MigrationStep =
  | { kind: 'function'; run: MigrationFn }
  | { kind: 'sql'; sql: string; /** 1-based line of the section's first SQL line in the file */ line: number }
  | { kind: 'none' };

/** A revision as loaded from `revisionsDir`. */
export interface Revision extends RevisionNode {
  format: 'module' | 'sql';
  /** A SQL revision may be written for one dialect only. */
  dialect?: DialectId;
  upgrade: MigrationStep;
  downgrade: MigrationStep;
  /** sha256 (hex) of the file's bytes, for manifests and integrity checks. */
  sourceSha256: string;
}
