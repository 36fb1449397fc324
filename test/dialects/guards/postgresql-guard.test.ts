import { describe, expect, it } from 'vitest';
import { isPostgresqlGuard, postgresqlGuard } from '../../../src/dialects/guards/postgresql.js';

const tables = [
  { quoted: '"sqlgen_version"', name: 'sqlgen_version', column: 'version_num' },
  { quoted: '"app"."we""ird"', name: 'we"ird', schema: 'app', column: 'version_num' },
];

describe('isPostgresqlGuard', () => {
  it('knows every guard statement postgresqlGuard writes', () => {
    for (const table of tables) {
      const statements = [...postgresqlGuard.lock(table), ...postgresqlGuard.check(table, []), ...postgresqlGuard.check(table, ['a1', 'b2'])];
      for (const statement of statements) {
        expect(isPostgresqlGuard(statement), statement).toBe(true);
        expect(isPostgresqlGuard(statement.replace(/;$/, ''))).toBe(true);
      }
    }
  });

  it('does not take a DO block that does more for a guard', () => {
    const [check] = postgresqlGuard.check(tables[0]!, ['a1']);
    expect(isPostgresqlGuard(check!.replace('END IF;\nEND', "END IF; DELETE FROM customers;\nEND"))).toBe(false);
    expect(isPostgresqlGuard(check!.replace("'a1'", "'a1' || (SELECT count(*) FROM pg_class)::text"))).toBe(false);
    expect(isPostgresqlGuard("DO $sqlgen$ BEGIN PERFORM pg_advisory_xact_lock(1); DROP TABLE t; END $sqlgen$;")).toBe(false);
  });
});
