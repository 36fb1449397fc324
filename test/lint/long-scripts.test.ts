import { expect, test } from 'vitest';
import { lintSqlSources } from '../../src/lint/lint-sources.js';

test('a script with hundreds of thousands of findings is reported whole, not a stack overflow', async () => {
  // Each DROP TABLE draws 4 findings: 240,000 in all, more than a spread into push() takes.
  const findings = await lintSqlSources([{ file: 'long.sql', text: 'DROP TABLE t;\n'.repeat(60_000) }], { dialect: 'postgresql' });
  expect(findings).toHaveLength(240_000);
}, 120_000);
