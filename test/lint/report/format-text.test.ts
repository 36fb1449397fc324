import { describe, expect, test } from 'vitest';
import { formatGithub } from '../../../src/lint/report/format-github.js';
import { formatText, wantsColour } from '../../../src/lint/report/format-text.js';
import { lintReport } from '../../../src/lint/report/lint-report.js';
import type { Finding } from '../../../src/lint/types.js';

const FINDINGS: Finding[] = [
  {
    ruleId: 'ban-drop-column',
    severity: 'warning',
    message: 'Dropping orders.note breaks clients that still use the column.',
    help: 'Drop it in a later release.',
    location: { file: 'revisions/aaaa0002_note.ts', line: 9, column: 8 },
    statement: 'alter table "orders" drop column "note";',
  },
  { ruleId: 'parse-error', severity: 'error', message: 'Could not parse: 100%, a, b', help: 'Fix it.', location: { file: 'a,b:c.sql', line: 3, column: 14 } },
];

describe('text output', () => {
  test('gcc style: file:line:column: severity rule-id message, then statement and help, then a summary', () => {
    expect(formatText(lintReport(FINDINGS, '2 revisions', 'error'), { colour: false })).toBe(
      [
        'revisions/aaaa0002_note.ts:9:8: warning ban-drop-column Dropping orders.note breaks clients that still use the column.',
        '  statement: alter table "orders" drop column "note";',
        '  help: Drop it in a later release.',
        'a,b:c.sql:3:14: error parse-error Could not parse: 100%, a, b',
        '  help: Fix it.',
        '',
        '1 error, 1 warning in 2 revisions',
      ].join('\n'),
    );
    expect(formatText(lintReport([], '6 revisions', 'error'), { colour: false })).toBe('no findings in 6 revisions');
  });

  test('colours the severity and rule id only when asked', () => {
    const coloured = formatText(lintReport(FINDINGS, '2 revisions', 'error'), { colour: true });
    expect(coloured).toContain('\u001b[1;33mwarning\u001b[0m \u001b[2mban-drop-column\u001b[0m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatText(lintReport(FINDINGS, '2 revisions', 'error'), { colour: false }));
  });

  test('colour on a terminal only, and never with NO_COLOR', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
  });
});

describe('GitHub annotations', () => {
  test('one workflow command per finding, with the runner escaping', () => {
    expect(formatGithub(lintReport(FINDINGS, '2 revisions', 'error')).split('\n')).toEqual([
      '::warning file=revisions/aaaa0002_note.ts,line=9,col=8,title=ban-drop-column::Dropping orders.note breaks clients that still use the column.%0Astatement: alter table "orders" drop column "note";%0Ahelp: Drop it in a later release.',
      '::error file=a%2Cb%3Ac.sql,line=3,col=14,title=parse-error::Could not parse: 100%25, a, b%0Ahelp: Fix it.',
    ]);
  });
});

describe('the fail-on threshold', () => {
  test.each([
    ['error', false],
    ['warning', true],
    ['info', true],
    ['none', false],
  ] as const)('--fail-on %s with one warning fails: %s', (failOn, failed) => {
    expect(lintReport([FINDINGS[0]!], '1 input', failOn).failed).toBe(failed);
  });
});
