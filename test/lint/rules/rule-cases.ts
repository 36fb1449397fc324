import { describe, expect, test } from 'vitest';
import { lintScript } from '../../../src/lint/engine.js';
import type { RuleId } from '../../../src/lint/rules/index.js';

/** Scripts the rule must report (`bad`) and must not (`good`), run through lintScript. */
export interface RuleCases {
  bad: readonly string[];
  good: readonly string[];
}

/** The ids of the findings for a PostgreSQL script. */
export async function ruleIdsFor(sql: string): Promise<string[]> {
  return (await lintScript(sql, { file: 'migration.sql', dialect: 'postgresql' })).map((finding) => finding.ruleId);
}

/** One table-driven suite per rule: each bad script is reported by it, no good one is. */
export function describeRule(ruleId: RuleId, cases: RuleCases): void {
  describe(ruleId, () => {
    test.each(cases.bad)('reports %s', async (sql) => {
      expect(await ruleIdsFor(sql)).toContain(ruleId);
    });
    test.each(cases.good)('passes %s', async (sql) => {
      const ids = await ruleIdsFor(sql);
      expect(ids).not.toContain(ruleId);
      expect(ids).not.toContain('parse-error');
    });
  });
}
