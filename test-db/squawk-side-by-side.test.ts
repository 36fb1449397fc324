/**
 * Issue 15: squawk, the best-known PostgreSQL migration linter, as an outside oracle. Every
 * PostgreSQL case of each rule's corpus goes through both linters; where squawk has a rule for
 * the same hazard (test/oracles/squawk-rules.json) they must agree, but for the disagreements
 * listed with a reason in test/oracles/squawk-disagreements.ts, which each rule's doc page
 * explains under "Compared with squawk".
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_POSTGRESQL_VERSION } from '../src/dialects/versions.js';
import { lintScript } from '../src/lint/engine.js';
import { RULES, type RuleId } from '../src/lint/rules/index.js';
import { loadCorpora, type RuleCorpus } from '../test/lint/rules/rule-cases.js';
import { SQUAWK_DISAGREEMENTS, type SquawkVerdict } from '../test/oracles/squawk-disagreements.js';
import SQUAWK_RULES from '../test/oracles/squawk-rules.json' with { type: 'json' };
import { squawkBinary, squawkRuleNames } from '../test/oracles/squawk.js';

const SETTINGS = { postgresqlVersion: DEFAULT_POSTGRESQL_VERSION };
const POSTGRESQL_RULES = (Object.keys(RULES) as RuleId[]).filter((id) => RULES[id].checks.postgresql !== undefined);
const SQUAWK_RULES_BY_ID: Readonly<Record<string, readonly string[]>> = SQUAWK_RULES;
const COMPARED = POSTGRESQL_RULES.filter((id) => (SQUAWK_RULES_BY_ID[id] ?? []).length > 0);

/** A corpus case where the two linters differ: the SQL, and what squawk says of it. */
interface Difference {
  sql: string;
  squawk: SquawkVerdict;
}

function verdict(reported: ReadonlySet<string>, squawkRules: readonly string[]): SquawkVerdict {
  if (reported.has('syntax-error')) return 'cannot parse';
  return squawkRules.some((name) => reported.has(name)) ? 'reports' : 'passes';
}

/** Whether sqlgen's rule reports `sql`, with the rule on (some are off by default) at its severity. */
async function sqlgenVerdict(ruleId: RuleId, sql: string): Promise<'reports' | 'passes'> {
  const findings = await lintScript(sql, { file: 'migration.sql', dialect: 'postgresql', rules: { [ruleId]: RULES[ruleId].severity } });
  return findings.some((finding) => finding.ruleId === ruleId) ? 'reports' : 'passes';
}

/** The PostgreSQL cases of the rule's corpus on which sqlgen's rule and squawk's rules for the same hazard differ. */
async function differences(ruleId: RuleId, corpus: RuleCorpus): Promise<Difference[]> {
  const cases = [...(corpus.postgresql?.bad ?? []), ...(corpus.postgresql?.good ?? [])];
  const squawk = await squawkRuleNames(cases, SETTINGS);
  const found: Difference[] = [];
  for (const [index, sql] of cases.entries()) {
    const sqlgen = await sqlgenVerdict(ruleId, sql);
    const theirs = verdict(squawk[index]!, SQUAWK_RULES_BY_ID[ruleId]!);
    if (theirs !== sqlgen) found.push({ sql, squawk: theirs });
  }
  return found;
}

const bySql = (a: Difference, b: Difference): number => a.sql.localeCompare(b.sql);
const key = (difference: Difference): string => `${difference.squawk}\n${difference.sql}`;

describe('sqlgen lint side by side with squawk on the PostgreSQL corpus (issue 15)', () => {
  let corpora: Map<RuleId, RuleCorpus>;
  beforeAll(async () => {
    corpora = await loadCorpora(COMPARED);
  });

  test('squawk-cli is installed and is the version the list was made with', async () => {
    const binary = squawkBinary();
    expect(binary, 'squawk-cli is a dev dependency: run npm ci').toBeDefined();
    const { stdout } = await promisify(execFile)(binary!, ['--version']);
    expect(stdout.trim()).toBe('squawk 2.66.0');
  });

  test('every rule with a PostgreSQL check says which squawk rules cover its hazard (an empty list: none)', () => {
    expect(POSTGRESQL_RULES.filter((id) => !(id in SQUAWK_RULES_BY_ID)), 'add them to test/oracles/squawk-rules.json').toEqual([]);
    expect(Object.keys(SQUAWK_RULES_BY_ID).filter((id) => !POSTGRESQL_RULES.includes(id as RuleId)), 'not sqlgen rules with a PostgreSQL check').toEqual([]);
  });

  test('squawk knows every rule name the mapping gives', async () => {
    const names = [...new Set(Object.values(SQUAWK_RULES_BY_ID).flat())];
    // squawk refuses an unknown rule name in --exclude.
    await expect(promisify(execFile)(squawkBinary()!, [`--exclude=${names.join(',')}`, '--version'])).resolves.toBeDefined();
  });

  test.each(COMPARED)('%s agrees with squawk but where the list says why not', async (ruleId) => {
    const found = await differences(ruleId, corpora.get(ruleId)!);
    const listed = (SQUAWK_DISAGREEMENTS[ruleId] ?? []).map(({ sql, squawk }) => ({ sql, squawk }));
    const listedKeys = new Set(listed.map(key));
    const foundKeys = new Set(found.map(key));
    expect(found.filter((difference) => !listedKeys.has(key(difference))).sort(bySql), 'new: fix the rule, or list it in test/oracles/squawk-disagreements.ts with the reason').toEqual([]);
    expect(listed.filter((difference) => !foundKeys.has(key(difference))).sort(bySql), 'listed in test/oracles/squawk-disagreements.ts but no longer seen: remove them').toEqual([]);
  });

  test.each(Object.keys(SQUAWK_DISAGREEMENTS))('the doc page of %s explains its disagreements with squawk', (ruleId) => {
    expect(readFileSync(new URL(`../docs/rules/${ruleId}.md`, import.meta.url), 'utf8')).toContain('\n## Compared with squawk\n');
  });
});
