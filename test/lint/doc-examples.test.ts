/**
 * The examples on each rule's doc page are checked like the corpus: a bad one is reported by the
 * rule, a good one is not, and both parse.
 *
 * The convention the pages follow, under `## Examples`: each ```sql block belongs to the nearest
 * label line above it, `Bad:` or `Good:`, optionally naming the dialect in parentheses and a
 * note after a comma (`Bad (MySQL):`, `Good, in a later release:`). Without a dialect the
 * example is PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DIALECT_IDS, type DialectId } from '../../src/dialects/dialect-id.js';
import { defaultLevel } from '../../src/lint/engine.js';
import { RULES, type RuleId } from '../../src/lint/rules/index.js';
import { expectVerdict, type RuleCases } from './rules/rule-cases.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The dialects by the names doc pages give them, in headlines and example labels. */
const DIALECTS_BY_NAME: Readonly<Record<string, DialectId>> = { PostgreSQL: 'postgresql', MySQL: 'mysql', SQLite: 'sqlite', 'SQL Server': 'mssql' };

const LABEL = /^(Bad|Good)(?: \(([^)]*)\))?(?:, [^:]+)?:$/;

interface DocExample {
  kind: keyof RuleCases;
  dialect: DialectId;
  sql: string;
  /** 1-based line of the block's opening fence. */
  line: number;
}

/** A page's examples, and what breaks the convention (a label it cannot read, a block without one). */
interface DocExamples {
  examples: DocExample[];
  problems: string[];
}

function dialectNamed(name: string | undefined): DialectId | undefined {
  return name === undefined ? 'postgresql' : DIALECTS_BY_NAME[name];
}

/** The lines of a page's `## Examples` section, each with its 1-based line number; none without one. */
function examplesSection(markdown: string): [number, string][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('## Examples') + 1;
  if (start === 0) return [];
  const end = lines.findIndex((line, index) => index >= start && line.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).map((line, index) => [start + index + 1, line]);
}

/** The ```sql blocks of a page's `## Examples` section, each with its label's kind and dialect. */
function docExamples(markdown: string): DocExamples {
  const section = examplesSection(markdown);
  const result: DocExamples = { examples: [], problems: section.length === 0 ? ['no "## Examples" section'] : [] };
  let label: Pick<DocExample, 'kind' | 'dialect'> | undefined;
  let block: { line: number; sql: string[] } | undefined;
  for (const [line, text] of section) {
    if (block && text === '```') {
      if (label) result.examples.push({ ...label, sql: block.sql.join('\n'), line: block.line });
      else result.problems.push(`line ${block.line}: a block before any Bad or Good label`);
      block = undefined;
    } else if (block) block.sql.push(text);
    else if (text.startsWith('```')) {
      if (text !== '```sql') result.problems.push(`line ${line}: an examples block must be \`\`\`sql`);
      block = { line, sql: [] };
    } else if (/^(Bad|Good)\b/.test(text)) {
      const match = LABEL.exec(text);
      const dialect = dialectNamed(match?.[2]);
      if (match && dialect) label = { kind: match[1] === 'Bad' ? 'bad' : 'good', dialect };
      else result.problems.push(`line ${line}: "${text}" is not a label such as "Bad:" or "Good (MySQL):"`);
    }
  }
  return result;
}

/** The dialects and severity a page's headline (`PostgreSQL, MySQL · default severity: error`) gives. */
function headline(markdown: string): { dialects: (DialectId | undefined)[]; severity: string | undefined } {
  const [names = '', severity] = (markdown.split('\n')[2] ?? '').split(' · ');
  return { dialects: names.split(', ').map((name) => DIALECTS_BY_NAME[name]), severity: severity?.replace(/^default severity: /, '') };
}

describe.each(Object.entries(RULES))('docs/rules/%s.md', (id, rule) => {
  const markdown = readFileSync(path.join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
  const { examples, problems } = docExamples(markdown);
  const checked = DIALECT_IDS.filter((dialect) => rule.checks[dialect] !== undefined);

  test('its headline names the dialects the rule checks and its default severity (`off` for a rule off by default)', () => {
    expect(headline(markdown)).toEqual({ dialects: checked, severity: defaultLevel(rule) });
  });

  test('has bad and good examples, labelled by the convention, in dialects the rule checks', () => {
    expect(problems).toEqual([]);
    expect(new Set(examples.map((example) => example.kind))).toEqual(new Set(['bad', 'good']));
    expect(examples.filter((example) => !checked.includes(example.dialect))).toEqual([]);
  });

  for (const { kind, dialect, sql, line } of examples) {
    test(`${kind} example (${dialect}) at line ${line}`, () => expectVerdict(id as RuleId, kind, sql, dialect));
  }
});
