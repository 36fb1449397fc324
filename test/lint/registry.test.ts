import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { defaultLevel, PARSE_ERROR } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULE_ID = /^(?:ban|prefer|require)(?:-[a-z0-9]+)+$/;

function names(folder: string, extension: string): string[] {
  return readdirSync(path.join(ROOT, folder))
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length));
}

describe('the lint rule registry', () => {
  const entries = Object.entries(RULES);

  test('every rule file is registered, under its own id, and ids are unique', () => {
    const files = names('src/lint/rules', '.ts').filter((name) => name !== 'index');
    expect(files.sort()).toEqual(Object.keys(RULES).sort());
    for (const [key, rule] of entries) expect(rule.id).toBe(key);
    expect(new Set(entries.map(([, rule]) => rule.id)).size).toBe(entries.length);
  });

  test.each(entries)('%s: kebab-case id with a ban-/prefer-/require- verb, one-line texts', (id, rule) => {
    expect(id).toMatch(RULE_ID);
    expect(Object.keys(rule.checks).length).toBeGreaterThan(0);
    for (const text of [rule.description, rule.help]) expect(text).toMatch(/^[^\n]+\.$/);
  });

  test.each(entries)('%s has a doc page and a test file', (id) => {
    expect(existsSync(path.join(ROOT, 'docs/rules', `${id}.md`))).toBe(true);
    expect(existsSync(path.join(ROOT, 'test/lint/rules', `${id}.test.ts`))).toBe(true);
  });

  test('every doc page belongs to a rule or to an engine finding', () => {
    const documented = new Set<string>([...Object.keys(RULES), PARSE_ERROR.id]);
    expect(names('docs/rules', '.md').filter((name) => !documented.has(name))).toEqual([]);
  });

  test("the README's rule table lists every rule, linked to its page, with its level by default", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const [id, rule] of entries) expect(readme).toContain(`| [${id}](docs/rules/${id}.md) | ${defaultLevel(rule)} |`);
  });

  test("the README's count of rules is the registry's", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const advice = entries.filter(([, rule]) => defaultLevel(rule) === 'off').length;
    expect(readme).toContain(`\`lint\` with ${entries.length} rules across the four dialects, ${advice} of them advice that is off by default`);
  });

  test('every rule test file belongs to a rule', () => {
    expect(names('test/lint/rules', '.test.ts').filter((name) => !(name in RULES))).toEqual([]);
  });
});
