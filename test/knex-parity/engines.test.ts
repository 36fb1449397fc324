import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/dialects/index.js';
import { freshPglite } from '../helpers/pglite.js';
import { scriptText, sqlgenOutcome } from './compare.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import { POSTGRESQL_CASES } from './cases/postgresql.js';
import { SQLITE_CASES } from './cases/sqlite.js';
import type { ParityCase } from './parity-case.js';

/**
 * The parity cases sqlgen renders, run on real engines: each statement in a savepoint of its
 * own, on an empty database. knex's cases alter tables they never create, so an error that an
 * object does not exist is expected and counted; any other error (syntax, types, options the
 * engine lacks) fails the test.
 */
interface Engine {
  run(sql: string): Promise<void>;
  missingObject: RegExp;
}

async function applyCases(cases: ParityCase[], dialectId: 'postgresql' | 'sqlite', engine: Engine): Promise<{ ran: number; missing: number; failures: string[] }> {
  const dialect = DIALECTS[dialectId];
  const result = { ran: 0, missing: 0, failures: [] as string[] };
  for (const parityCase of cases) {
    const outcome = sqlgenOutcome(parityCase, dialect);
    if (outcome.kind !== 'sql' || KNOWN_DIFFERENCES[parityCase.id]?.refused) continue;
    for (const statement of outcome.statements) {
      try {
        await engine.run(scriptText(statement, dialect));
        result.ran += 1;
      } catch (error) {
        const message = (error as Error).message;
        if (engine.missingObject.test(message)) result.missing += 1;
        else result.failures.push(`${parityCase.id}: ${message}: ${scriptText(statement, dialect)}`);
      }
    }
  }
  return result;
}

describe('knex parity cases on real engines', () => {
  it('PostgreSQL cases run on PGlite', async () => {
    const db = await freshPglite();
    await db.exec('BEGIN');
    const result = await applyCases(POSTGRESQL_CASES, 'postgresql', {
      // An extension the server lacks is an object that does not exist, too.
      missingObject: /does not exist|extension "\w+" is not available/,
      async run(sql) {
        await db.exec('SAVEPOINT parity_case');
        try {
          await db.exec(sql);
        } finally {
          await db.exec('ROLLBACK TO SAVEPOINT parity_case');
        }
      },
    });
    expect(result.failures).toEqual([]);
    // Most of knex's cases alter tables they never create; the rest run for real (23 statements when written).
    expect(result.ran).toBeGreaterThan(15);
  }, 120_000);

  it('SQLite cases run on sql.js', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    const result = await applyCases(SQLITE_CASES, 'sqlite', {
      missingObject: /no such (table|column|index|view)/,
      async run(sql) {
        db.exec('SAVEPOINT parity_case');
        try {
          db.exec(sql);
        } finally {
          db.exec('ROLLBACK TO parity_case; RELEASE parity_case');
        }
      },
    });
    expect(result.failures).toEqual([]);
    expect(result.ran).toBeGreaterThan(15);
  });
});
