/** The version table as a guard sees it. */
export interface GuardedTable {
  /** The quoted, schema-qualified name, e.g. `"app"."sqlgen_version"`. */
  quoted: string;
  name: string;
  schema?: string;
  /** The column that holds revision ids. */
  column: string;
}

/**
 * How one dialect's script refuses a database in the wrong state: SQL that stops the client
 * (with the apply command the script's header prints) unless the version table holds exactly
 * the expected rows. Each statement is emitted verbatim, in the revision's transaction.
 */
export interface VersionGuardSyntax {
  /**
   * Statements that hold other sqlgen scripts on this table off until the transaction ends,
   * before a script from base creates the table; `check` takes the same lock itself.
   */
  lock(table: GuardedTable): string[];
  /** `create` (knex's CREATE TABLE) made a no-op when the table exists. */
  createIfAbsent(create: string, table: GuardedTable): string;
  /** Statements that stop the script unless the table's rows are `expected` (sorted ids, maybe none). */
  check(table: GuardedTable, expected: readonly string[]): string[];
}

/** The rows as guards compare and show them: sorted ids joined by spaces. */
export function rowList(ids: readonly string[]): string {
  return ids.join(' ');
}

/**
 * A string literal for sqlgen's own guard text: printable ASCII without backslashes (ids are
 * [0-9a-z]), so doubling quotes is the whole escaping in every dialect and mode.
 */
export function guardText(text: string): string {
  if (!/^[\x20-\x5b\x5d-\x7e]*$/.test(text)) throw new Error(`guard text must be plain ASCII: ${text}`);
  return `'${text.replaceAll("'", "''")}'`;
}

/** `CREATE TABLE IF NOT EXISTS`, for the dialects that have it. (knex's own createTableIfNotExists prints a deprecation warning to stdout.) */
export function createTableIfNotExists(create: string): string {
  if (!/^create table /i.test(create)) throw new Error(`not a CREATE TABLE statement: ${create}`);
  return create.replace(/^create table /i, 'create table if not exists ');
}

export const GUARD_PREFIX = 'sqlgen guard:';
export const NOTHING_CHANGED = 'nothing was changed';
