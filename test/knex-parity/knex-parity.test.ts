import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/dialects/index.js';
import type { DialectId } from '../../src/dialects/dialect-id.js';
import { MSSQL_CASES } from './cases/mssql.js';
import { MYSQL_CASES } from './cases/mysql.js';
import { POSTGRESQL_CASES } from './cases/postgresql.js';
import { SQLITE_CASES } from './cases/sqlite.js';
import { matchesKnex, sqlgenOutcome } from './compare.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import type { ParityCase } from './parity-case.js';

/**
 * knex's own schema-builder unit tests as the peer suite: each case renders what knex expects
 * (ignoring layout, keyword case and `?` versus inlined literals), or is a known difference
 * listed with its reason in known-differences.ts.
 */
export const PARITY_CASES: Record<DialectId, ParityCase[]> = { postgresql: POSTGRESQL_CASES, mysql: MYSQL_CASES, sqlite: SQLITE_CASES, mssql: MSSQL_CASES };

describe.each(Object.entries(PARITY_CASES) as Array<[DialectId, ParityCase[]]>)('knex parity: %s', (dialectId, cases) => {
  const dialect = DIALECTS[dialectId];
  it.each(cases.map((parityCase) => [parityCase.id, parityCase] as const))('%s', (id, parityCase) => {
    const outcome = sqlgenOutcome(parityCase, dialect);
    const difference = KNOWN_DIFFERENCES[id];
    const matches = matchesKnex(outcome, parityCase, dialect);
    if (!difference) {
      const rendered = outcome.kind === 'sql' ? outcome.statements.map((statement) => statement.sql) : outcome.message;
      expect(matches, `${id} (${parityCase.op}) differs from knex:\n${JSON.stringify(rendered, null, 2)}\nknex: ${JSON.stringify(parityCase.knex, null, 2)}`).toBe(true);
      return;
    }
    // A listed difference that went away must leave the table, so the table stays true.
    expect(matches, `${id} matches knex now: remove it from KNOWN_DIFFERENCES`).toBe(false);
    if (difference.refused) expect(outcome.kind === 'refused' ? outcome.message : 'rendered SQL').toMatch(difference.refused);
  });
});

it('the known-difference table names only cases that exist', () => {
  const ids = new Set(Object.values(PARITY_CASES).flat().map((parityCase) => parityCase.id));
  expect(Object.keys(KNOWN_DIFFERENCES).filter((id) => !ids.has(id))).toEqual([]);
});
