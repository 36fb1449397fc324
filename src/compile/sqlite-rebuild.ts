import type { Dialect } from '../dialects/dialect.js';
import type { ShadowRow, ShadowSchema } from './shadow-schema.js';
import type { Statement } from './statement.js';

/**
 * An alteration SQLite cannot make in place (change a column, set or drop NOT NULL, add or drop
 * a foreign key or primary key), recorded while the revision runs and rendered afterwards, once
 * the shadow schema holds the table as the script has built it.
 */
export interface TableRebuild {
  kind: 'table-rebuild';
  operation: string;
  table: string;
  transactional: boolean;
  /**
   * Statements that make the change in place (`ALTER TABLE ... DROP COLUMN`), used instead of
   * the rebuild when SQLite, at the configured minimum version, accepts them on the shadow.
   */
  inPlace?: readonly Statement[];
  /** knex's step that reads the live table definition and derives the new one. */
  produce: () => Promise<{ sql?: string[] } | undefined>;
  /** The knex client whose DDL helper `produce` calls. */
  client: KnexSqliteClient;
  /** Captured where the revision asked for it, to point at that line if the rebuild fails. */
  recordedAt: Error;
}

/** The slice of knex's SQLite client the rebuild drives (knex is pinned; tests cover it). */
export interface KnexSqliteClient {
  ddl(compiler: unknown, pragma: unknown, connection: unknown): { alteredName: string };
}

/**
 * Foreign key enforcement must be off while a table is dropped and recreated (a DROP TABLE
 * would otherwise delete, or cascade to, the rows that reference it), and SQLite ignores this
 * pragma inside a transaction: it goes at the top of the script.
 */
export const FOREIGN_KEYS_OFF = ['-- Table rebuilds below: foreign key checks off for this session, as SQLite\'s ALTER TABLE procedure requires.', 'PRAGMA foreign_keys = OFF;'];

/**
 * SQLite's documented procedure for schema changes ALTER TABLE cannot make: create the new
 * table under a temporary name, copy the rows, drop the old table, rename the new one, then
 * recreate the indexes, triggers and views the drop removed, and report foreign keys the new
 * definition breaks. The temporary name is derived from the table, so output is deterministic.
 */
export async function rebuildTable(rebuild: TableRebuild, shadow: ShadowSchema, dialect: Dialect): Promise<Statement[]> {
  if (rebuild.inPlace && shadow.accepts(rebuild.inPlace)) return [...rebuild.inPlace];
  if (!shadow.hasTable(rebuild.table)) throw new Error(`there is no table ${rebuild.table} in the schema the earlier revisions build`);
  const views = shadow.viewsDependingOn(rebuild.table);
  const triggers = shadow.triggersOn(rebuild.table);
  const core = await knexRebuild(rebuild, shadow);
  const statement = (sql: string, origin: Statement['origin']): Statement => ({
    sql: sql.trim().replace(/;$/, ''),
    literals: [],
    origin,
    kind: 'schema',
    transactional: rebuild.transactional,
    operation: rebuild.operation,
    sessionSettings: FOREIGN_KEYS_OFF,
  });
  return [
    ...views.toReversed().map((view) => statement(`DROP VIEW ${dialect.quoteIdentifier(view.name)}`, 'knex')),
    ...core.map((sql) => statement(sql, 'knex')),
    // The user's own trigger and view text, restored verbatim.
    ...triggers.map((sql) => statement(sql, 'raw')),
    ...views.map((view) => statement(view.sql, 'raw')),
    statement(`PRAGMA foreign_key_check(${dialect.quoteIdentifier(rebuild.table)})`, 'knex'),
  ];
}

/**
 * Runs knex's own SQLite DDL helper against the shadow instead of a connection: its queries of
 * `sqlite_master` are answered by the shadow, and the statements it would execute are kept.
 */
async function knexRebuild(rebuild: TableRebuild, shadow: ShadowSchema): Promise<string[]> {
  const executed: string[] = [];
  const transaction = {
    disableProcessing() {},
    enableProcessing() {},
    raw: async (sql: string): Promise<ShadowRow[]> => {
      if (/^\s*select\b/i.test(sql)) return shadow.rows(sql);
      executed.push(sql);
      return [];
    },
  };
  const { client } = rebuild;
  const offline = Object.create(client) as Record<string, unknown>;
  offline.transaction = async (work: (trx: typeof transaction) => Promise<unknown>) => work(transaction);
  // Foreign keys are off for the whole script (FOREIGN_KEYS_OFF), so knex adds no pragmas of its own.
  offline.raw = () => ({ connection: async () => [{ foreign_keys: 0 }] });
  const knexDdl = client.ddl;
  client.ddl = (compiler, pragma, connection) => {
    const ddl = knexDdl.call(offline, compiler, pragma, connection);
    ddl.alteredName = `_sqlgen_rebuild_${rebuild.table}`;
    return ddl;
  };
  try {
    const produced = await rebuild.produce();
    return produced?.sql ?? executed;
  } finally {
    client.ddl = knexDdl;
  }
}
