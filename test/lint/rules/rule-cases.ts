import { describe, expect, test } from 'vitest';
import type { DialectId } from '../../../src/dialects/dialect-id.js';
import { lintScript } from '../../../src/lint/engine.js';
import type { RuleId } from '../../../src/lint/rules/index.js';

/** Scripts the rule must report (`bad`) and must not (`good`), run through lintScript. */
export interface RuleCases {
  bad: readonly string[];
  good: readonly string[];
}

/** The ids of the findings for a script in `dialect`. */
export async function ruleIdsFor(sql: string, dialect: DialectId = 'postgresql'): Promise<string[]> {
  return (await lintScript(sql, { file: 'migration.sql', dialect })).map((finding) => finding.ruleId);
}

/** One table-driven suite per rule and dialect: each bad script is reported by the rule, no good one is. */
export function describeRule(ruleId: RuleId, cases: RuleCases, dialect: DialectId = 'postgresql'): void {
  describe(`${ruleId} (${dialect})`, () => {
    test.each(cases.bad)('reports %s', async (sql) => {
      expect(await ruleIdsFor(sql, dialect)).toContain(ruleId);
    });
    test.each(cases.good)('passes %s', async (sql) => {
      const ids = await ruleIdsFor(sql, dialect);
      expect(ids).not.toContain(ruleId);
      expect(ids).not.toContain('parse-error');
    });
  });
}
