/**
 * Server-backed test harness for `npm run test:db`: applies SQL scripts to real PostgreSQL and
 * MariaDB servers and to SQLite files with the databases' own command-line clients, exactly as a
 * DBA runs a script sqlgen hands over (`psql -v ON_ERROR_STOP=1 -f`, `mariadb db < file`,
 * `sqlite3 db < file`). The servers come from `scripts/db-servers.sh start`, which writes their
 * connection settings to `$SQLGEN_DB_DIR/env`. `npm test` never imports this module.
 *
 * @example
 * const db = await freshPostgresDatabase();
 * await db.applyScript("CREATE TABLE t (s text); INSERT INTO t VALUES ('it''s');");
 * const rows = await db.query("SELECT encode(convert_to(s, 'UTF8'), 'hex') FROM t");
 * await db.drop();
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What to tell someone whose servers are not running. */
export const START_SERVERS_HINT = 'run `bash scripts/db-servers.sh install && bash scripts/db-servers.sh start`';

/** One result row: each value as the client printed it, `null` for SQL NULL. */
export type Row = (string | null)[];

/** What a client run printed and how it ended. */
export interface ClientResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** SQL text to apply, or a script file to apply as it is. */
export type Script = string | { file: string };

/** Session settings for a psql run, passed through `PGOPTIONS` (`-c name=value`). */
export interface PostgresSession {
  /** `standard_conforming_strings`: `false` makes `'a\\b'` mean `a\b`. */
  standardConformingStrings?: boolean;
  /** Any other run-time settings, e.g. `{ search_path: 'app' }`. */
  settings?: Record<string, string>;
}

/** Session settings for a mariadb run, set by `--init-command`. */
export interface MariadbSession {
  /** The whole `sql_mode` (comma-separated mode names); the server's default when absent. */
  sqlMode?: string;
  /** Adds (`true`) or removes (`false`) NO_BACKSLASH_ESCAPES from `sqlMode` or the server default. */
  noBackslashEscapes?: boolean;
}

/** The sqlite3 CLI takes no session settings. */
export type SqliteSession = Record<string, never>;

export interface QueryOptions<Session> {
  session?: Session;
  /** Kill the client after this long (default 60 s). */
  timeoutMs?: number;
}

export interface ApplyOptions<Session> extends QueryOptions<Session> {
  /** Resolve with the failed result instead of throwing a `ClientError`. */
  allowFailure?: boolean;
}

/** A throw-away database (or SQLite file) of its own. */
export interface TestDatabase<Session> {
  readonly engine: 'postgres' | 'mariadb' | 'sqlite';
  /** The database name; for SQLite, the database file. */
  readonly name: string;
  /** Runs the script with the real client; throws a `ClientError` naming its stderr when it fails. */
  applyScript(script: Script, options?: ApplyOptions<Session>): Promise<ClientResult>;
  /**
   * Rows of one query, read back exactly (NULL apart from 'NULL', tabs and newlines kept). For
   * PostgreSQL the query runs inside `COPY (...) TO STDOUT`, so it must be a SELECT or VALUES.
   * Compare bytes with a server-side hex encoding and `utf8Hex`.
   */
  query(sql: string, options?: QueryOptions<Session>): Promise<Row[]>;
  /** Drops the database (or deletes the file) and its temporary scripts. */
  drop(): Promise<void>;
}

/** A client that exited non-zero (or ran out of time). */
export class ClientError extends Error {
  constructor(
    readonly command: string,
    readonly result: ClientResult,
    reason = `exited with code ${result.exitCode}`,
  ) {
    super(`${command}\n${reason}:\n${result.stderr.trim() || result.stdout.trim() || '(no output)'}`);
    this.name = 'ClientError';
  }
}

/** Where the servers listen, from `$SQLGEN_DB_DIR/env`; `SQLGEN_TEST_*` environment variables win. */
export interface ServerSettings {
  postgres: { host: string; port: number; user: string };
  mariadb: { host: string; port: number; user: string };
}

const DEFAULT_TIMEOUT_MS = 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Reads the connection settings; throws with START_SERVERS_HINT when there are none. */
export function loadServerSettings(): ServerSettings {
  const values = { ...readEnvFile(), ...pickTestVariables(process.env) };
  const pgUrl = values.SQLGEN_TEST_PG_URL ? new URL(values.SQLGEN_TEST_PG_URL) : undefined;
  return {
    postgres: {
      host: requireLoopback(values.SQLGEN_TEST_PG_HOST ?? pgUrl?.hostname),
      port: requirePort(values.SQLGEN_TEST_PG_PORT ?? pgUrl?.port, 'SQLGEN_TEST_PG_PORT'),
      user: values.SQLGEN_TEST_PG_USER ?? (decodeURIComponent(pgUrl?.username ?? '') || 'postgres'),
    },
    mariadb: {
      host: requireLoopback(values.SQLGEN_TEST_MARIADB_HOST),
      port: requirePort(values.SQLGEN_TEST_MARIADB_PORT, 'SQLGEN_TEST_MARIADB_PORT'),
      user: values.SQLGEN_TEST_MARIADB_USER ?? 'root',
    },
  };
}

function envFilePath(): string {
  return path.join(process.env.SQLGEN_DB_DIR || '/tmp/sqlgen-db', 'env');
}

function readEnvFile(): Record<string, string> {
  const file = envFilePath();
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => [match[1], match[2]] as const);
  return pickTestVariables(Object.fromEntries(entries));
}

function pickTestVariables(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[0].startsWith('SQLGEN_TEST_') && entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

function requireLoopback(host: string | undefined): string {
  if (host === undefined) {
    throw new Error(`No test database servers are set up (no ${envFilePath()}): ${START_SERVERS_HINT}`);
  }
  // Tests only ever talk to servers on this machine.
  if (!LOOPBACK.has(host)) throw new Error(`Test database host must be 127.0.0.1, got '${host}'`);
  return host;
}

function requirePort(port: string | undefined, name: string): number {
  const value = Number(port);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} is missing or not a port ('${port ?? ''}'): ${START_SERVERS_HINT}`);
  }
  return value;
}

/** Lower-case hex of a string's UTF-8 bytes, to compare with `encode(convert_to(..))` or `HEX(..)`. */
export function utf8Hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

// ---------------------------------------------------------------------------- running clients

interface ClientRun {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Fed to the client as its standard input, like `client < file`. */
  stdinFile?: string;
  timeoutMs: number;
}

/** Client settings must come from the test, not from the user's PG*, MYSQL* variables. */
function clientEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(PG|MYSQL)/.test(key)));
  return { ...base, LC_ALL: 'C.UTF-8', ...extra };
}

function commandLine(run: ClientRun): string {
  return [run.command, ...run.args].join(' ') + (run.stdinFile ? ` < ${run.stdinFile}` : '');
}

async function runClient(run: ClientRun): Promise<ClientResult> {
  const stdin = run.stdinFile ? await open(run.stdinFile, 'r') : undefined;
  try {
    return await new Promise<ClientResult>((resolve, reject) => {
      const child = spawn(run.command, run.args, { env: run.env, stdio: [stdin?.fd ?? 'ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, run.timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`Cannot run ${run.command} (${error.message}): ${START_SERVERS_HINT}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const result = { exitCode: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
        if (timedOut) reject(new ClientError(commandLine(run), result, `killed after ${run.timeoutMs} ms`));
        else resolve(result);
      });
    });
  } finally {
    await stdin?.close();
  }
}

async function runChecked(run: ClientRun, allowFailure = false): Promise<ClientResult> {
  const result = await runClient(run);
  if (result.exitCode !== 0 && !allowFailure) throw new ClientError(commandLine(run), result);
  return result;
}

/** Temporary script files of one database handle. */
class ScriptFolder {
  private count = 0;
  private constructor(readonly dir: string) {}

  static async create(): Promise<ScriptFolder> {
    return new ScriptFolder(await mkdtemp(path.join(tmpdir(), 'sqlgen-db-test-')));
  }

  /** The file to hand the client: the caller's own, or SQL text written to a new file. */
  async fileFor(script: Script): Promise<string> {
    if (typeof script !== 'string') return path.resolve(script.file);
    const file = path.join(this.dir, `script-${++this.count}.sql`);
    await writeFile(file, script, 'utf8');
    return file;
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

function uniqueName(): string {
  return `sqlgen_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

// ---------------------------------------------------------------------------------- PostgreSQL

function psqlRun(args: string[], session: PostgresSession | undefined, timeoutMs: number): ClientRun {
  const { host, port, user } = loadServerSettings().postgres;
  const env = clientEnv({
    PGHOST: host,
    PGPORT: String(port),
    PGUSER: user,
    PGCLIENTENCODING: 'UTF8',
    PGCONNECT_TIMEOUT: '10',
    PGOPTIONS: pgOptions(session),
  });
  return { command: 'psql', args: ['-X', '-w', '-v', 'ON_ERROR_STOP=1', '-q', ...args], env, timeoutMs };
}

function pgOptions(session: PostgresSession = {}): string {
  const settings: Record<string, string> = { ...session.settings };
  if (session.standardConformingStrings !== undefined) {
    settings.standard_conforming_strings = session.standardConformingStrings ? 'on' : 'off';
  }
  // PGOPTIONS splits on spaces; a backslash keeps a space or backslash in a value.
  const escape = (text: string) => text.replace(/[\\ ]/g, (c) => `\\${c}`);
  return Object.entries(settings)
    .map(([name, value]) => `-c ${escape(name)}=${escape(value)}`)
    .join(' ');
}

function quotePgIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A new, empty PostgreSQL database on the test server. */
export async function freshPostgresDatabase(): Promise<TestDatabase<PostgresSession>> {
  const name = uniqueName();
  await adminPostgres(`CREATE DATABASE ${quotePgIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`);
  const scripts = await ScriptFolder.create();
  return {
    engine: 'postgres',
    name,
    async applyScript(script, options = {}) {
      const file = await scripts.fileFor(script);
      const run = psqlRun(['-d', name, '-f', file], options.session, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return runChecked(run, options.allowFailure);
    },
    async query(sql, options = {}) {
      const copy = `COPY (${stripSemicolons(sql)}) TO STDOUT`;
      const run = psqlRun(['-d', name, '-c', copy], options.session, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return parseCopyText((await runChecked(run)).stdout);
    },
    async drop() {
      await adminPostgres(`DROP DATABASE IF EXISTS ${quotePgIdentifier(name)} WITH (FORCE)`);
      await scripts.remove();
    },
  };
}

async function adminPostgres(sql: string): Promise<void> {
  const run = psqlRun(['-d', 'postgres', '-c', sql], undefined, DEFAULT_TIMEOUT_MS);
  await withServerHint('PostgreSQL', () => runChecked(run));
}

function stripSemicolons(sql: string): string {
  return sql.trim().replace(/;+\s*$/, '');
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** COPY's text format: tab-separated, `\N` for NULL, backslash escapes for the rest. */
function parseCopyText(output: string): Row[] {
  if (output === '') return [];
  return output
    .replace(/\n$/, '')
    .split('\n')
    .map((line) =>
      line.split('\t').map((field) => (field === '\\N' ? null : field.replace(/\\(.)/g, (_, c: string) => COPY_ESCAPES[c] ?? c))),
    );
}

// ------------------------------------------------------------------------------------- MariaDB

function mariadbRun(args: string[], session: MariadbSession | undefined, timeoutMs: number): ClientRun {
  const { host, port, user } = loadServerSettings().mariadb;
  const initCommand = mariadbInitCommand(session);
  return {
    // --no-defaults first: nothing from /etc/mysql or ~/.my.cnf changes the session.
    command: 'mariadb',
    args: [
      '--no-defaults',
      '--batch',
      `--host=${host}`,
      `--port=${port}`,
      '--protocol=TCP',
      `--user=${user}`,
      '--default-character-set=utf8mb4',
      '--connect-timeout=10',
      ...(initCommand ? [`--init-command=${initCommand}`] : []),
      ...args,
    ],
    env: clientEnv({}),
    timeoutMs,
  };
}

function mariadbInitCommand(session: MariadbSession = {}): string | undefined {
  if (session.sqlMode === undefined && session.noBackslashEscapes === undefined) return undefined;
  if (session.sqlMode !== undefined && !/^[A-Za-z_,]*$/.test(session.sqlMode)) {
    throw new Error(`sqlMode must be comma-separated mode names, got '${session.sqlMode}'`);
  }
  const base = session.sqlMode === undefined ? '@@GLOBAL.sql_mode' : `'${session.sqlMode}'`;
  const mode =
    session.noBackslashEscapes === true
      ? `CONCAT_WS(',', NULLIF(${base}, ''), 'NO_BACKSLASH_ESCAPES')`
      : session.noBackslashEscapes === false
        ? `TRIM(BOTH ',' FROM REPLACE(CONCAT(',', ${base}, ','), ',NO_BACKSLASH_ESCAPES,', ','))`
        : base;
  return `SET SESSION sql_mode = ${mode}`;
}

function quoteMariadbIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A new, empty MariaDB database (utf8mb4) on the test server. */
export async function freshMariadbDatabase(): Promise<TestDatabase<MariadbSession>> {
  const name = uniqueName();
  await adminMariadb(`CREATE DATABASE ${quoteMariadbIdentifier(name)} CHARACTER SET utf8mb4`);
  const scripts = await ScriptFolder.create();
  return {
    engine: 'mariadb',
    name,
    async applyScript(script, options = {}) {
      const run = mariadbRun([name], options.session, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return runChecked({ ...run, stdinFile: await scripts.fileFor(script) }, options.allowFailure);
    },
    async query(sql, options = {}) {
      const run = mariadbRun(['--xml', `--execute=${sql}`, name], options.session, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return parseMariadbXml((await runChecked(run)).stdout);
    },
    async drop() {
      await adminMariadb(`DROP DATABASE IF EXISTS ${quoteMariadbIdentifier(name)}`);
      await scripts.remove();
    },
  };
}

async function adminMariadb(sql: string): Promise<void> {
  const run = mariadbRun([`--execute=${sql}`], undefined, DEFAULT_TIMEOUT_MS);
  await withServerHint('MariaDB', () => runChecked(run));
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** `mariadb --xml`: `xsi:nil` marks NULL, and `<` is always escaped inside a value. */
function parseMariadbXml(output: string): Row[] {
  const rows = [...output.matchAll(/<row>([\s\S]*?)<\/row>/g)];
  return rows.map(([, body]) =>
    [...(body ?? '').matchAll(/<field name="[^"]*"(?: xsi:nil="true" \/>|>([^<]*)<\/field>)/g)].map(([, value]) =>
      value === undefined ? null : unescapeXml(value),
    ),
  );
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, code: string) => {
    if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return XML_ENTITIES[code] ?? entity;
  });
}

// -------------------------------------------------------------------------------------- SQLite

function sqliteRun(file: string, args: string[], timeoutMs: number): ClientRun {
  // -init /dev/null: no ~/.sqliterc; -bail: stop at the first error with a non-zero exit.
  return { command: 'sqlite3', args: ['-bail', '-init', '/dev/null', ...args, file], env: clientEnv({}), timeoutMs };
}

/** A new SQLite database file (created by the first script) used through the sqlite3 CLI. */
export async function freshSqliteFile(): Promise<TestDatabase<SqliteSession>> {
  const scripts = await ScriptFolder.create();
  const file = path.join(scripts.dir, 'test.sqlite3');
  return {
    engine: 'sqlite',
    name: file,
    async applyScript(script, options = {}) {
      const run = sqliteRun(file, [], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return runChecked({ ...run, stdinFile: await scripts.fileFor(script) }, options.allowFailure);
    },
    async query(sql, options = {}) {
      const run = sqliteRun(file, ['-quote'], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return parseSqliteQuote((await runChecked({ ...run, args: [...run.args, sql] })).stdout);
    },
    drop: () => scripts.remove(),
  };
}

/**
 * sqlite3's `-quote` mode prints each value as an SQL literal: NULL, a number, 'text' with quotes
 * doubled (newlines kept), or X'hex' for a blob, which is returned as that literal.
 */
function parseSqliteQuote(output: string): Row[] {
  const rows: Row[] = [];
  let row: Row = [];
  let at = 0;
  while (at < output.length) {
    const [value, end] = output[at] === "'" ? readQuoted(output, at) : readBare(output, at);
    row.push(value);
    at = end + 1;
    if (output[end] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

function readQuoted(output: string, start: number): [string, number] {
  let at = start + 1;
  let text = '';
  for (;;) {
    const quote = output.indexOf("'", at);
    if (quote < 0) throw new Error(`Unterminated string in sqlite3 output: ${output.slice(start, start + 80)}`);
    text += output.slice(at, quote);
    if (output[quote + 1] !== "'") return [text, quote + 1];
    text += "'";
    at = quote + 2;
  }
}

function readBare(output: string, start: number): [string | null, number] {
  const match = /[,\n]|$/.exec(output.slice(start));
  const end = start + (match?.index ?? output.length - start);
  const token = output.slice(start, end);
  return [token === 'NULL' ? null : token, end];
}

// -------------------------------------------------------------------------------------- errors

/** A failing admin statement most often means the server is down: say how to start it. */
async function withServerHint<T>(server: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The ${server} test server did not take a command (is it running? ${START_SERVERS_HINT}):\n${reason}`);
  }
}
