import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import { cacheRoot } from '../cache-file.js';
import { splitStatements, type SplitStatement } from '../lint/split-statements.js';
import { loadPostgresqlParser, type PostgresqlParser } from '../lint/parse-postgresql.js';
import { changeScope, type ChangeScope } from '../schema/readers/postgresql-change-scope.js';
import { readPostgresqlSnapshot, readPostgresqlSnapshotAfter } from '../schema/readers/postgresql.js';
import type { Snapshot } from '../schema/snapshot.js';
import type { ApplyOutcome, EmbeddedEngine, EngineOptions, FailedStatement, SnapshotOptions } from './engine.js';
import { SnapshotChain } from './snapshot-chain.js';

// PGlite's exports do not include its package.json; it sits one folder above the entry point.
const PGLITE_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** PostgreSQL errors carry more than a message: the detail and hint say what the engine saw. */
interface PostgresError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), in memory. `initdb` takes 2-3 s and 750 MB,
 * so the fresh data directory it makes is kept in sqlgen's cache folder and loaded from there
 * (under a second) by every later run; see {@link cacheRoot}.
 */
export async function openPglite(options: EngineOptions, scripts: readonly string[]): Promise<EmbeddedEngine> {
  const db = await createPglite(await bundledExtensions(scripts));
  const version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  // The catalog queries are prepared once and run after every step: a generic plan is made
  // once, where PostgreSQL would plan each of the first five runs anew. Results do not change.
  await db.exec('SET plan_cache_mode = force_generic_plan');
  return new PgliteEngine(db, `PostgreSQL ${version.split(' ')[0]} (PGlite ${PGLITE_VERSION}, embedded)`, options);
}

/** A fresh, empty PGlite database, from the cached initial data directory when there is one. */
export async function createPglite(extensions: Extensions = {}): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const cached = readCachedDataDir();
  // A cached data directory that does not load (cut short, another PGlite's) is made anew.
  const fromCache = cached && (await PGlite.create({ loadDataDir: new Blob([cached]), extensions }).catch(() => undefined));
  if (fromCache) return fromCache;
  const db = await PGlite.create({ extensions });
  await cacheDataDir(db);
  return db;
}

class PgliteEngine implements EmbeddedEngine {
  constructor(
    private readonly db: PGlite,
    readonly description: string,
    private readonly options: EngineOptions,
  ) {}

  /**
   * As psql sends it, with the same outcome: each explicit transaction (BEGIN ... COMMIT) in one
   * round trip, every other statement alone. PGlite's exec() of a whole script would run it as
   * one implicit transaction, where CREATE INDEX CONCURRENTLY fails and psql's does not; inside
   * an explicit transaction the two are the same, and one round trip instead of one per
   * statement saves half a millisecond a statement. A transaction that fails is rolled back and
   * run again statement by statement, to name the statement that fails.
   */
  async apply(script: string, file: string): Promise<ApplyOutcome> {
    const { statements } = splitStatements(script, { file, dialect: 'postgresql' });
    this.snapshots.applied(statements.filter((statement) => !statement.transactionControl).map((statement) => statement.sql));
    for (const block of transactionBlocks(statements)) {
      if (block.length > 1 && (await this.ranTogether(block))) continue;
      const refused = await this.runOneByOne(block);
      if (refused) return failure(refused.error, file, refused.statement.location.line, refused.statement.sql);
    }
    return { ok: true, output: [] };
  }

  /** Runs a transaction in one round trip; false, rolled back, when a statement failed. */
  private async ranTogether(block: readonly SplitStatement[]): Promise<boolean> {
    try {
      // A statement may end in a line comment: the separator goes on a line of its own.
      await this.db.exec(block.map((statement) => statement.sql).join('\n;\n'));
      return true;
    } catch {
      await this.db.exec('ROLLBACK');
      return false;
    }
  }

  private async runOneByOne(block: readonly SplitStatement[]): Promise<{ statement: SplitStatement; error: PostgresError } | undefined> {
    for (const statement of block) {
      try {
        await this.db.exec(statement.sql);
      } catch (error) {
        return { statement, error: error as PostgresError };
      }
    }
    return undefined;
  }

  private parser: Promise<PostgresqlParser> | undefined;
  private readonly source = { json: (sql: string, args?: readonly string[]) => this.json(sql, args) };
  private readonly snapshots = new SnapshotChain<ChangeScope>({
    full: () => readPostgresqlSnapshot(this.source, this.options.versionTable),
    scope: async (statements) => changeScope(statements, await (this.parser ??= loadPostgresqlParser())),
    after: (previous, scope) => readPostgresqlSnapshotAfter(this.source, this.options.versionTable, previous, scope),
  });

  /** Only the tables named since the last snapshot are read again, where the statements allow it (see SnapshotChain). */
  snapshot(options?: SnapshotOptions): Promise<Snapshot> {
    return this.snapshots.snapshot(options);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Names of the catalog queries prepared, by text, least recently used first. */
  private readonly prepared = new Map<string, string>();
  private preparedCount = 0;

  /**
   * A catalog query, prepared when it comes back (or at once when it takes `args`, for its $1,
   * $2, ...): a rehearsal reads the catalog after every step, and planning the reader's query
   * costs as much as running it, while a scoped read's rows query is seldom run twice.
   */
  private async json(sql: string, args: readonly string[] = []): Promise<unknown> {
    const [row] = args.length === 0 && this.firstSight(sql) ? (await this.db.query<Record<string, unknown>>(sql)).rows : await this.executePrepared(sql, args);
    const value = row ? Object.values(row)[0] : null;
    return typeof value === 'string' ? JSON.parse(value) : value;
  }

  /** Query texts seen once, most recent last: a scoped read's rows query is often never run again. */
  private readonly seenOnce = new Set<string>();

  /** True the first time (lately) a text is seen: it runs unprepared, and is prepared if it comes back. */
  private firstSight(sql: string): boolean {
    if (this.prepared.has(sql) || this.seenOnce.delete(sql)) return false;
    this.seenOnce.add(sql);
    if (this.seenOnce.size > SEEN_ONCE_LIMIT) this.seenOnce.delete(this.seenOnce.values().next().value!);
    return true;
  }

  private async executePrepared(sql: string, args: readonly string[]): Promise<Record<string, unknown>[]> {
    const execute = async () => (await this.db.query<Record<string, unknown>>(`EXECUTE ${await this.preparedName(sql)}${args.length > 0 ? `(${args.join(', ')})` : ''}`)).rows;
    return execute().catch(() => {
      // A script that ran DISCARD ALL or DEALLOCATE took the prepared query away: prepare it again.
      this.prepared.delete(sql);
      return execute();
    });
  }

  /**
   * Only the few queries used last stay prepared: the rows query changes with every new table,
   * and keeping each of its plans ran PGlite out of memory at 1,000 revisions.
   */
  private async preparedName(sql: string): Promise<string> {
    let name = this.prepared.get(sql);
    this.prepared.delete(sql);
    if (name === undefined) {
      name = `sqlgen_catalog_${++this.preparedCount}`;
      await this.db.exec(`PREPARE ${name} AS ${sql}`);
      if (this.prepared.size >= PREPARED_LIMIT) await this.deallocateOldest();
    }
    this.prepared.set(sql, name);
    return name;
  }

  private async deallocateOldest(): Promise<void> {
    const [text, name] = this.prepared.entries().next().value!;
    this.prepared.delete(text);
    // Gone already when the script ran DEALLOCATE ALL.
    await this.db.exec(`DEALLOCATE ${name}`).catch(() => undefined);
  }
}

/** How many catalog queries stay prepared at once. */
const PREPARED_LIMIT = 8;
/** How many query texts run once are remembered, to be prepared when they come back. */
const SEEN_ONCE_LIMIT = 32;

/**
 * The statements grouped as {@link PgliteEngine.apply} sends them: an explicit transaction from
 * its BEGIN to its COMMIT or ROLLBACK, every other statement alone. A transaction the script
 * leaves open runs statement by statement, as psql would leave it.
 */
export function transactionBlocks(statements: readonly SplitStatement[]): SplitStatement[][] {
  const blocks: SplitStatement[][] = [];
  let open: SplitStatement[] | undefined;
  for (const statement of statements) {
    if (open) open.push(statement);
    else if (statement.transactionControl === 'begin') open = [statement];
    else blocks.push([statement]);
    if (open && statement.transactionControl === 'end') {
      blocks.push(open);
      open = undefined;
    }
  }
  return [...blocks, ...(open ?? []).map((statement) => [statement])];
}

function failure(error: PostgresError, file: string, line: number, statement: string): FailedStatement {
  const message = [error.message, error.detail && `DETAIL: ${error.detail}`, error.hint && `HINT: ${error.hint}`].filter(Boolean).join('; ');
  const limit = rehearsalLimit(error, statement);
  return { ok: false, file, line, statement, message, output: [], ...(limit && { notRehearsable: limit }) };
}

/** What PGlite cannot do that a server can: extensions it does not ship, tablespaces (no file system of the server's). */
function rehearsalLimit(error: PostgresError, statement: string): string | undefined {
  if (/^create\s+extension\b/i.test(statement) && error.code === '0A000') return `PGlite ${PGLITE_VERSION} does not ship this extension`;
  if (/^create\s+tablespace\b/i.test(statement)) return 'an embedded engine has no server file system for a tablespace';
  return undefined;
}

/** Every `CREATE EXTENSION name` of the scripts that PGlite ships as a loadable contrib module. */
async function bundledExtensions(scripts: readonly string[]): Promise<Extensions> {
  const names = new Set(scripts.flatMap((script) => [...script.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((match) => match[1]!.toLowerCase())));
  const extensions: Extensions = {};
  for (const name of names) {
    const module = name.replaceAll('-', '_');
    try {
      const loaded = (await import(`@electric-sql/pglite/contrib/${module}`)) as Record<string, Extensions[string]>;
      extensions[module] = loaded[module]!;
    } catch {
      // Not shipped: the CREATE EXTENSION fails in the rehearsal and is reported as not rehearsable.
    }
  }
  return extensions;
}

// Kept even with SQLGEN_NO_CACHE=1, as before that setting existed: it holds no compiled output.
const dataDirFile = () => path.join(cacheRoot(process.env), `pglite-${PGLITE_VERSION}-initdb.tar`);

function readCachedDataDir(): Buffer | undefined {
  try {
    return readFileSync(dataDirFile());
  } catch {
    return undefined;
  }
}

/** Keeps the fresh data directory for later runs; a cache that cannot be written only costs time. */
async function cacheDataDir(db: PGlite): Promise<void> {
  try {
    const file = dataDirFile();
    const bytes = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    // A read-only home or full disk: the next run initialises again.
  }
}
