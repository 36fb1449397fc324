import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { LINT_FINDING_KINDS, lintScript } from '../../../src/lint/engine.js';
import { lintReport } from '../../../src/lint/report/lint-report.js';
import { toSarif } from '../../../src/lint/report/format-sarif.js';

// The OASIS SARIF 2.1.0 schema, as a published package ships it. Its language-tag pattern is
// not valid with the `u` flag, and formats are not what this test is about.
const sarifSchema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const validateSarif = new AjvDraft04.default({ strict: false, unicodeRegExp: false, validateFormats: false }).compile(sarifSchema);

const SCRIPT = `BEGIN;
ALTER TABLE orders DROP COLUMN note;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
COMMIT;
`;

async function sarifFor(text: string, file = 'migrations/0002 drop note.sql') {
  const findings = await lintScript(text, { file, dialect: 'postgresql' });
  return toSarif(lintReport(findings, '1 input', 'error'), LINT_FINDING_KINDS);
}

describe('SARIF output', () => {
  test('is valid SARIF 2.1.0', async () => {
    const log = await sarifFor(SCRIPT);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
  });

  test('describes every rule once, and each result points at its rule', async () => {
    const [run] = (await sarifFor(SCRIPT)).runs;
    const rules = run!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(LINT_FINDING_KINDS.map((kind) => kind.id));
    expect(run!.results!.length).toBeGreaterThan(0);
    for (const result of run!.results!) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  test('locations are 1-based, relative to the repository root and percent-encoded', async () => {
    const [run] = (await sarifFor(SCRIPT)).runs;
    const dropColumn = run!.results!.find((result) => result.ruleId === 'ban-drop-column')!;
    expect(dropColumn.level).toBe('warning');
    expect(dropColumn.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'migrations/0002%20drop%20note.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1 },
    });
  });

  test('fingerprints stay when lines are added above a finding, and differ between findings', async () => {
    const fingerprints = async (text: string) => (await sarifFor(text)).runs[0]!.results!.map((result) => `${result.ruleId} ${Object.values(result.partialFingerprints!)[0]}`);
    const before = await fingerprints(SCRIPT);
    expect(await fingerprints(`-- reviewed by the DBA\n\n${SCRIPT}`)).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });
});

describe('SARIF rule help links', () => {
  test("each lint rule's helpUri is its doc page in the published package of this version, which ships docs/rules", async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { REPO_ROOT } = await import('../../helpers/run-cli.js');
    const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
    expect(packageJson.files).toContain('docs/rules');
    const [run] = (await sarifFor(SCRIPT)).runs;
    for (const rule of run!.tool.driver.rules!) {
      expect(rule.helpUri).toBe(`https://unpkg.com/sqlgen@${packageJson.version}/docs/rules/${rule.id}.md`);
      expect(existsSync(path.join(REPO_ROOT, 'docs/rules', `${rule.id}.md`))).toBe(true);
    }
  });
});
