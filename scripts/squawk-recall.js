// Recall and precision of sqlgen lint against squawk's own rule tests (issue 15), for the squawk
// rules that cover the same hazard as a sqlgen rule (test/oracles/squawk-rules.json). squawk's
// tests are read from a squawk checkout, a bare git directory too, and never copied here.
//
//   npm run build && node scripts/squawk-recall.js <squawk checkout> [revision]
//
// When squawk-cli is installed, squawk itself is run on the same cases as a check that the tests
// were read right (they may also be newer or older than the installed squawk).
import { readFileSync } from 'node:fs';
import { lintScript } from '../dist/lint/engine.js';
import { RULES } from '../dist/lint/rules/index.js';
import { squawkBinary, squawkRuleNames } from '../test/oracles/squawk.js';
import { squawkRuleTests } from './squawk-rule-tests.js';

/** squawk's deprecated alias rule, and the rules it stands for (squawk's docs, require-timeout-settings). */
const SQUAWK_ALIASES = { 'require-timeout-settings': ['require-lock-timeout', 'require-statement-timeout'] };
/** A test of squawk's own comment directives: nothing sqlgen could be compared on. */
const SQUAWK_DIRECTIVE = /squawk-(?:ignore|disable)/i;

const [checkout, revision = 'HEAD'] = process.argv.slice(2);
if (!checkout) {
  console.error('usage: node scripts/squawk-recall.js <squawk checkout or git dir> [revision]');
  process.exit(2);
}

/** The sqlgen rules for each squawk rule, from the sqlgen-to-squawk mapping. */
function sqlgenRulesBySquawkRule() {
  const mapping = JSON.parse(readFileSync(new URL('../test/oracles/squawk-rules.json', import.meta.url), 'utf8'));
  const inverse = {};
  for (const [sqlgenRule, squawkRules] of Object.entries(mapping)) for (const squawkRule of squawkRules) (inverse[squawkRule] ??= []).push(sqlgenRule);
  for (const [alias, rules] of Object.entries(SQUAWK_ALIASES)) inverse[alias] = rules.flatMap((rule) => inverse[rule] ?? []);
  return inverse;
}

/** The comparable cases: mapped rule, SQL known, no squawk directive; each once. */
function comparableCases(tests, mapped) {
  const seen = new Set();
  const skipped = { unmapped: 0, builtAtRunTime: 0, squawkDirective: 0, repeated: 0 };
  const cases = tests.filter((testCase) => {
    const key = JSON.stringify([testCase.squawkRule, testCase.sql, testCase.postgresqlVersion, testCase.assumeInTransaction, testCase.expected]);
    const reason = !mapped[testCase.squawkRule] ? 'unmapped' : testCase.sql === undefined ? 'builtAtRunTime' : SQUAWK_DIRECTIVE.test(testCase.sql) ? 'squawkDirective' : seen.has(key) ? 'repeated' : undefined;
    seen.add(key);
    if (reason) skipped[reason] += 1;
    return reason === undefined;
  });
  return { cases, skipped };
}

/**
 * Whether sqlgen reports the case with one of the rules mapped to its squawk rule (turned on at
 * their severity, as some are off by default), and whether it parsed it.
 */
async function sqlgenVerdict(testCase, sqlgenRules) {
  const rules = Object.fromEntries(sqlgenRules.map((id) => [id, RULES[id].severity]));
  const findings = await lintScript(testCase.sql, { file: `${testCase.test}.sql`, dialect: 'postgresql', rules, postgresqlVersion: testCase.postgresqlVersion, assumeInTransaction: testCase.assumeInTransaction });
  return { found: findings.some((finding) => sqlgenRules.includes(finding.ruleId)), parseError: findings.some((finding) => finding.ruleId === 'parse-error') };
}

/** Whether the installed squawk reports each case under its rule (or a rule its alias stands for); undefined without squawk. */
async function squawkVerdicts(cases) {
  if (!squawkBinary()) return cases.map(() => undefined);
  const verdicts = [];
  for (const [index, testCase] of cases.entries()) {
    const [names] = await squawkRuleNames([testCase.sql], testCase);
    verdicts[index] = [testCase.squawkRule, ...(SQUAWK_ALIASES[testCase.squawkRule] ?? [])].some((name) => names.has(name));
  }
  return verdicts;
}

const ratio = (part, whole) => (whole === 0 ? '   -' : (part / whole).toFixed(2));
const oneLine = (sql) => sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').trim().slice(0, 150);

function tally(rows) {
  const count = (predicate) => rows.filter(predicate).length;
  const found = count((row) => row.expected && row.found);
  const missed = count((row) => row.expected && !row.found);
  const falseAlarms = count((row) => !row.expected && row.found);
  return { cases: rows.length, expected: found + missed, found, missed, falseAlarms, recall: ratio(found, found + missed), precision: ratio(found, found + falseAlarms) };
}

function printTable(rowsByRule, mapped) {
  const header = ['squawk rule', 'cases', 'expected', 'found', 'missed', 'false alarms', 'recall', 'precision', 'sqlgen rules'];
  console.log(header.join('\t'));
  for (const [rule, rows] of Object.entries(rowsByRule).sort()) {
    const t = tally(rows);
    console.log([rule, t.cases, t.expected, t.found, t.missed, t.falseAlarms, t.recall, t.precision, mapped[rule].join(', ')].join('\t'));
  }
  const t = tally(Object.values(rowsByRule).flat());
  console.log(['total', t.cases, t.expected, t.found, t.missed, t.falseAlarms, t.recall, t.precision].join('\t'));
}

function printDifferences(rows) {
  for (const [label, expected] of [['Missed (squawk expects a finding, sqlgen has none)', true], ['False alarms (squawk expects none, sqlgen reports)', false]]) {
    const differing = rows.filter((row) => row.expected === expected && row.found !== expected);
    console.log(`\n${label}: ${differing.length}`);
    for (const row of differing) {
      const notes = [`PostgreSQL ${row.postgresqlVersion}`, row.assumeInTransaction && 'assume in transaction', row.parseError && 'sqlgen: parse error', row.squawk === !expected && 'installed squawk agrees with sqlgen'].filter(Boolean);
      console.log(`- ${row.squawkRule} ${row.file.replace(/\.rs$/, '')}::${row.test} (${notes.join(', ')}): ${oneLine(row.sql)}`);
    }
  }
}

const mapped = sqlgenRulesBySquawkRule();
const { cases, skipped } = comparableCases(squawkRuleTests(checkout, revision), mapped);
const squawk = await squawkVerdicts(cases);
const rows = [];
for (const [index, testCase] of cases.entries()) rows.push({ ...testCase, ...(await sqlgenVerdict(testCase, mapped[testCase.squawkRule])), squawk: squawk[index] });

console.log(`sqlgen lint against squawk's rule tests at ${revision} of ${checkout}`);
console.log(`left out: ${skipped.unmapped} cases of squawk rules with no sqlgen counterpart, ${skipped.builtAtRunTime} with SQL built at run time, ${skipped.squawkDirective} of squawk's comment directives, ${skipped.repeated} repeated\n`);
const rowsByRule = {};
for (const row of rows) (rowsByRule[row.squawkRule] ??= []).push(row);
printTable(rowsByRule, mapped);
if (squawk.every((verdict) => verdict !== undefined)) {
  const agreeing = rows.filter((row) => row.squawk === row.expected);
  console.log(`\ninstalled squawk (${squawkBinary()}) meets its tests' expectation on ${agreeing.length} of ${rows.length} cases`);
  for (const row of rows.filter((candidate) => candidate.squawk !== candidate.expected)) console.log(`- ${row.squawkRule} ${row.test}: expected ${row.expected ? 'a finding' : 'none'}, squawk ${row.squawk ? 'reports' : 'passes'}`);
}
printDifferences(rows);
