import { describe, expect, test } from 'vitest';
import { lintScript } from '../../../src/lint/engine.js';
import { freshPglite } from '../../helpers/pglite.js';
import { describeRule, ruleIdsFor } from './rule-cases.js';

const DETACH = 'ALTER TABLE events DETACH PARTITION events_2020;';

describeRule('require-concurrent-partition-detach', {
  postgresql: {
    bad: [DETACH, 'ALTER TABLE sales.events DETACH PARTITION sales.events_2020;', `BEGIN;\n${DETACH}\nCOMMIT;`],
    good: [
      'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
      'ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;',
      "ALTER TABLE events ATTACH PARTITION events_2020 FOR VALUES IN (2020);",
      `CREATE TABLE events (id int, year int) PARTITION BY LIST (year);\n${DETACH}`,
    ],
  },
});

describe('require-concurrent-partition-detach follows lint.postgresqlVersion', () => {
  const messages = async (postgresqlVersion: number) =>
    (await lintScript(DETACH, { file: 'm.sql', dialect: 'postgresql', postgresqlVersion })).filter((finding) => finding.ruleId === 'require-concurrent-partition-detach').map((finding) => finding.message);

  test('from PostgreSQL 14 it asks for CONCURRENTLY; before, it reports the lock and says there is no concurrent form', async () => {
    const [at14] = await messages(14);
    expect(at14).toContain('ACCESS EXCLUSIVE lock on events');
    expect(at14).not.toContain('has no DETACH ... CONCURRENTLY');
    const [at13] = await messages(13);
    expect(at13).toContain('ACCESS EXCLUSIVE lock on events');
    expect(at13).toContain('PostgreSQL 13 has no DETACH ... CONCURRENTLY');
  });
});

describe('require-concurrent-partition-detach agrees with PostgreSQL (PGlite)', () => {
  test('a plain DETACH locks the partitioned table ACCESS EXCLUSIVE; CONCURRENTLY is refused in a transaction block, where the linter reports it', async () => {
    const db = await freshPglite();
    await db.exec('CREATE TABLE events (id int, year int) PARTITION BY LIST (year); CREATE TABLE events_2020 PARTITION OF events FOR VALUES IN (2020);');
    await db.exec(`BEGIN; ${DETACH}`);
    const locks = await db.query<{ mode: string }>("SELECT mode FROM pg_locks WHERE relation = 'events'::regclass");
    expect(locks.rows.map((row) => row.mode)).toContain('AccessExclusiveLock');
    await db.exec('ROLLBACK');

    const concurrent = 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;';
    await db.exec('BEGIN');
    await expect(db.exec(concurrent)).rejects.toThrow('cannot run inside a transaction block');
    await db.exec('ROLLBACK');
    expect(await ruleIdsFor(`BEGIN;\n${concurrent}\nCOMMIT;`)).toContain('ban-non-transactional-statement-in-transaction');
    await db.exec(concurrent);
    await db.close();
  });
});
