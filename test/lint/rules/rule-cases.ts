import { describe, expect, test } from 'vitest';
import { DIALECT_IDS, type DialectId } from '../../../src/dialects/dialect-id.js';
import { lintScript } from '../../../src/lint/engine.js';
import { RULES, type RuleId } from '../../../src/lint/rules/index.js';

/** Scripts the rule must report (`bad`) and must not (`good`), run through lintScript. */
export interface RuleCases {
  bad: readonly string[];
  good: readonly string[];
}

/** A rule's cases by dialect: one entry for each dialect the rule has a check for. */
export type RuleCorpus = Partial<Record<DialectId, RuleCases>>;

/** The ids of the findings for a script in `dialect`. */
export async function ruleIdsFor(sql: string, dialect: DialectId = 'postgresql'): Promise<string[]> {
  return (await lintScript(sql, { file: 'migration.sql', dialect })).map((finding) => finding.ruleId);
}

/**
 * Asserts that `sql` parses in `dialect` and that `ruleId` reports it (`bad`) or does not (`good`),
 * with the rule on at its severity (a rule off by default is turned on).
 */
export async function expectVerdict(ruleId: RuleId, kind: keyof RuleCases, sql: string, dialect: DialectId): Promise<void> {
  const findings = await lintScript(sql, { file: 'migration.sql', dialect, rules: { [ruleId]: RULES[ruleId].severity } });
  const ids = findings.map((finding) => finding.ruleId);
  expect(ids).not.toContain('parse-error');
  if (kind === 'bad') expect(ids).toContain(ruleId);
  else expect(ids).not.toContain(ruleId);
}

/** Which of bad and good are non-empty, per dialect: the corpus's shape, compared with the rule's checks. */
function corpusShape(corpus: RuleCorpus): Record<string, { bad: boolean; good: boolean }> {
  return Object.fromEntries(Object.entries(corpus).map(([dialect, cases]) => [dialect, { bad: cases.bad.length > 0, good: cases.good.length > 0 }]));
}

/** Set while {@link loadCorpora} imports rule test files: describeRule then records each corpus here instead. */
let recording: Map<RuleId, RuleCorpus> | undefined;

/**
 * The corpora that `test/lint/rules/<id>.test.ts` give describeRule, for oracles that run another
 * tool on the same cases (see test-db/squawk-side-by-side.test.ts). Call it from `beforeAll`:
 * vitest refuses tests declared inside a running test, and ignores those declared after it has
 * collected the file, so the rule files' own tests do not run a second time.
 *
 * @example
 * beforeAll(async () => { corpora = await loadCorpora(['ban-drop-column']); });
 */
export async function loadCorpora(ruleIds: readonly RuleId[]): Promise<Map<RuleId, RuleCorpus>> {
  recording = new Map();
  try {
    for (const ruleId of ruleIds) {
      await import(`./${ruleId}.test.ts`);
      if (!recording.has(ruleId)) throw new Error(`test/lint/rules/${ruleId}.test.ts does not call describeRule('${ruleId}', ...)`);
    }
    return recording;
  } finally {
    recording = undefined;
  }
}

/**
 * The rule's suite: the corpus holds bad and good cases for exactly the dialects the rule checks,
 * each bad script is reported by the rule and no good one is.
 *
 * @example
 * describeRule('ban-truncate-cascade', { postgresql: { bad: ['TRUNCATE orders CASCADE;'], good: ['TRUNCATE orders;'] } });
 */
export function describeRule(ruleId: RuleId, corpus: RuleCorpus): void {
  if (recording) {
    recording.set(ruleId, corpus);
    return;
  }
  test(`${ruleId} has bad and good cases for each dialect it checks, and no other`, () => {
    const checked = DIALECT_IDS.filter((dialect) => RULES[ruleId].checks[dialect] !== undefined);
    expect(corpusShape(corpus)).toEqual(Object.fromEntries(checked.map((dialect) => [dialect, { bad: true, good: true }])));
  });
  for (const dialect of DIALECT_IDS) {
    const cases = corpus[dialect];
    if (!cases) continue;
    describe(`${ruleId} (${dialect})`, () => {
      test.each(cases.bad)('reports %s', (sql) => expectVerdict(ruleId, 'bad', sql, dialect));
      test.each(cases.good)('passes %s', (sql) => expectVerdict(ruleId, 'good', sql, dialect));
    });
  }
}
