/**
 * A database on the PostgreSQL 15 test server that scripts run on through psql, as a DBA runs
 * them, and whose catalog sqlgen's snapshot reader queries through psql too.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CatalogSource } from '../src/schema/readers/catalog-source.js';
import { loadServerSettings } from './harness.js';

const run = promisify(execFile);

export interface ServerDatabase {
  /** Runs the script with `psql -v ON_ERROR_STOP=1 -f`; rejects with psql's error. */
  apply(sql: string): Promise<void>;
  source: CatalogSource;
  drop(): Promise<void>;
}

let databases = 0;

/** psql with the test server's address; settings in PGOPTIONS, none from the user's PG* variables. */
async function psql(args: string[], options = ''): Promise<string> {
  const { host, port, user } = loadServerSettings().postgres;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  const { stdout } = await run('psql', ['-X', '-w', '-q', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', String(port), '-U', user, ...args], {
    env: { ...env, LC_ALL: 'C.UTF-8', PGCLIENTENCODING: 'UTF8', PGOPTIONS: options },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** A fresh database whose default collation is ICU en-US (not byte order), read in New York time. */
export async function serverDatabase(): Promise<ServerDatabase> {
  const name = `sqlgen_catalog_${process.pid}_${++databases}`;
  const scripts = await mkdtemp(path.join(tmpdir(), `${name}-`));
  await psql(['-d', 'postgres', '-c', `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`]);
  let scriptCount = 0;
  return {
    async apply(sql) {
      const file = path.join(scripts, `${++scriptCount}.sql`);
      await writeFile(file, sql, 'utf8');
      await psql(['-d', name, '-f', file]);
    },
    source: { json: async (sql) => JSON.parse(await psql(['-d', name, '-At', '-c', sql], '-c TimeZone=America/New_York')) },
    drop: async () => {
      await psql(['-d', 'postgres', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      await rm(scripts, { recursive: true, force: true });
    },
  };
}
