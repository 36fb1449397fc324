/**
 * Rules that are off by default (type advice): silent until `lint.rules` gives them a level, and
 * shown as off by --list-rules, the README table and SARIF. The facts their pages state are
 * checked on PGlite.
 */
import { describe, expect, test } from 'vitest';
import { LINT_FINDING_KINDS, lintScript } from '../../src/lint/engine.js';
import { formatRuleList, listRules } from '../../src/lint/report/rule-list.js';
import { lintReport } from '../../src/lint/report/lint-report.js';
import { toSarif } from '../../src/lint/report/format-sarif.js';
import type { RuleId } from '../../src/lint/rules/index.js';
import { freshPglite } from '../helpers/pglite.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** A statement each advice rule reports once it is on. */
const ADVICE: Record<string, string> = {
  'prefer-bigint-over-int': 'CREATE TABLE refunds (order_id integer);',
  'prefer-bigint-over-smallint': 'ALTER TABLE orders ADD COLUMN item_count smallint;',
  'prefer-identity': 'CREATE TABLE refunds (id bigserial PRIMARY KEY);',
  'prefer-text-field': 'ALTER TABLE customers ALTER COLUMN nickname TYPE varchar(40);',
  'prefer-timestamptz': 'ALTER TABLE orders ADD COLUMN shipped_at timestamp;',
  'ban-char-field': 'CREATE TABLE countries (code char(2));',
} satisfies Partial<Record<RuleId, string>>;

const ADVICE_IDS = Object.keys(ADVICE);

async function findings(sql: string, rules: Record<string, 'off' | 'info' | 'warning' | 'error'> = {}) {
  return lintScript(sql, { file: 'm.sql', dialect: 'postgresql', rules });
}

describe('rules that are off by default', () => {
  test('they are exactly the type advice rules', () => {
    expect(LINT_FINDING_KINDS.filter((kind) => kind.enabledByDefault === false).map((kind) => kind.id).sort()).toEqual([...ADVICE_IDS].sort());
  });

  test.each(Object.entries(ADVICE))('%s is silent by default and reports at the level lint.rules gives it', async (id, sql) => {
    expect((await findings(sql)).map((finding) => finding.ruleId)).not.toContain(id);
    const enabled = (await findings(sql, { [id]: 'warning' })).filter((finding) => finding.ruleId === id);
    expect(enabled.map((finding) => finding.severity)).toEqual(['warning']);
    expect((await findings(sql, { [id]: 'off' })).map((finding) => finding.ruleId)).not.toContain(id);
  });

  test('--list-rules shows them as off, and its JSON says so', () => {
    const listing = listRules();
    const advice = listing.filter((rule) => ADVICE_IDS.includes(rule.id));
    expect(advice.map((rule) => rule.enabledByDefault)).toEqual(ADVICE_IDS.map(() => false));
    expect(listing.find((rule) => rule.id === 'ban-drop-table')?.enabledByDefault).toBe(true);
    const line = formatRuleList(listing).split('\n').find((text) => text.startsWith('prefer-timestamptz '));
    expect(line).toMatch(/^prefer-timestamptz\s+off\s+postgresql\s/);
  });

  test("SARIF describes them with defaultConfiguration.enabled false, and the others without it", () => {
    const rules = toSarif(lintReport([], '1 input', 'error'), LINT_FINDING_KINDS).runs[0]!.tool.driver.rules!;
    expect(rules.find((rule) => rule.id === 'prefer-identity')?.defaultConfiguration).toEqual({ level: 'note', enabled: false });
    expect(rules.find((rule) => rule.id === 'ban-drop-table')?.defaultConfiguration).toEqual({ level: 'warning' });
  });

  test('the config turns one on for `sqlgen lint`', async () => {
    const sql = `${ADVICE['prefer-timestamptz']}\n`;
    const ruleIds = async (config: object) => {
      const result = await runCli(['lint', 'm.sql', '--json', '--fail-on', 'none'], tempProject({ 'sqlgen.config.json': JSON.stringify(config), 'm.sql': sql }));
      return (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId);
    };
    expect(await ruleIds({ dialect: 'postgresql' })).not.toContain('prefer-timestamptz');
    expect(await ruleIds({ dialect: 'postgresql', lint: { rules: { 'prefer-timestamptz': 'info' } } })).toContain('prefer-timestamptz');
  });
});

describe('what the advice rules say, on PostgreSQL (PGlite)', () => {
  test('int and smallint overflow, and widening them rewrites; a serial needs a grant on its sequence; varchar limits lock or rewrite; timestamp drops the offset; char pads', async () => {
    const db = await freshPglite();
    const fails = (sql: string) => db.exec(sql).then(() => 'runs', (error: Error) => error.message);
    const file = async () => (await db.query<{ file: number }>("SELECT relfilenode AS file FROM pg_class WHERE relname = 'orders'")).rows[0]!.file;
    const rewrites = async (sql: string) => {
      const before = await file();
      await db.exec(sql);
      return (await file()) !== before;
    };
    await db.exec("CREATE TABLE orders (id int, items smallint, nickname varchar(10), code char(5), shipped_at timestamp); INSERT INTO orders VALUES (1, 1, 'x', 'ab', '2019-10-11 21:11:24+02');");

    expect(await fails('INSERT INTO orders (id) VALUES (2147483648)')).toBe('integer out of range');
    expect(await fails('INSERT INTO orders (items) VALUES (32768)')).toBe('smallint out of range');
    expect(await rewrites('ALTER TABLE orders ALTER COLUMN id TYPE bigint')).toBe(true);
    expect(await rewrites('ALTER TABLE orders ALTER COLUMN items TYPE bigint')).toBe(true);

    await db.exec('BEGIN');
    expect(await rewrites('ALTER TABLE orders ALTER COLUMN nickname TYPE varchar(20)')).toBe(false);
    const locks = await db.query<{ mode: string }>("SELECT mode FROM pg_locks WHERE relation = 'orders'::regclass");
    expect(locks.rows.map((row) => row.mode)).toContain('AccessExclusiveLock');
    await db.exec('COMMIT');
    expect(await rewrites('ALTER TABLE orders ALTER COLUMN nickname TYPE varchar(5)')).toBe(true);

    const stored = await db.query<{ shipped: string; same: boolean; code: string; matches: boolean }>(
      "SELECT shipped_at::text AS shipped, '2019-10-11 21:11:24+02'::timestamp = '2019-10-11 21:11:24-06'::timestamp AS same, code, code LIKE 'ab' AS matches FROM orders",
    );
    expect(stored.rows[0]).toEqual({ shipped: '2019-10-11 21:11:24', same: true, code: 'ab   ', matches: false });

    await db.exec('CREATE ROLE app; CREATE TABLE serials (id serial, note text); CREATE TABLE identities (id bigint GENERATED BY DEFAULT AS IDENTITY, note text); GRANT INSERT ON serials, identities TO app;');
    await db.exec('SET ROLE app');
    expect(await fails("INSERT INTO serials (note) VALUES ('x')")).toBe('permission denied for sequence serials_id_seq');
    expect(await fails("INSERT INTO identities (note) VALUES ('x')")).toBe('runs');
    await db.exec('RESET ROLE');
    await db.close();
  });
});
