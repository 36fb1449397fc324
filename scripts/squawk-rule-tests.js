// Reads the facts in squawk's own rule tests (Rust, crates/squawk_linter/src/rules/*.rs of a squawk
// checkout): for each test, the SQL, the squawk rule it lints with, the settings, and whether
// squawk expects a finding (lint_errors*, fix_sql*) or none (lint_ok*). Nothing of squawk is copied
// into sqlgen; the checkout is read where it is, with git, so a bare git directory works too.
import { execFileSync } from 'node:child_process';

const RULES_FOLDER = 'crates/squawk_linter/src/rules';
/** squawk's LinterSettings default: PostgreSQL 15 (crates/squawk_linter/src/version.rs). */
const SQUAWK_DEFAULT_POSTGRESQL_VERSION = 15;
/** squawk's test helpers (crates/squawk_linter/src/test_utils.rs) and whether each expects findings. */
const TEST_UTILS = { lint_ok: false, lint_ok_with: false, lint_errors: true, lint_errors_with: true, fix_sql: true, fix_sql_with: true };

function git(checkout, ...args) {
  return execFileSync('git', ['-C', checkout, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The Rust string literal at `start` (plain, raw `r#"…"#` or byte): its value and where it ends; undefined if none starts there. */
function stringAt(text, start) {
  const raw = /^b?r(#*)"/.exec(text.slice(start, start + 20));
  if (raw) {
    const close = `"${raw[1]}`;
    const end = text.indexOf(close, start + raw[0].length);
    return { value: text.slice(start + raw[0].length, end), end: end + close.length };
  }
  const plain = /^b?"/.exec(text.slice(start, start + 2));
  if (!plain) return undefined;
  let value = '';
  let index = start + plain[0].length;
  while (text[index] !== '"') {
    if (text[index] !== '\\') value += text[index++];
    else {
      const escape = /^\\(?:u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|\n\s*|(.))/s.exec(text.slice(index));
      const simple = { n: '\n', t: '\t', r: '\r', 0: '\0' };
      value += escape[1] ?? escape[2] ? String.fromCodePoint(parseInt(escape[1] ?? escape[2], 16)) : escape[3] === undefined ? '' : (simple[escape[3]] ?? escape[3]);
      index += escape[0].length;
    }
  }
  return { value, end: index + 1 };
}

/** Rust source as tokens: identifiers, string literals (with their value), numbers and single punctuation; comments and char literals dropped. */
function tokenize(text) {
  const tokens = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index, index + 3);
    const string = /^(?:b?r#*"|b?")/.test(text.slice(index, index + 8)) ? stringAt(text, index) : undefined;
    if (string) {
      tokens.push({ kind: 'string', value: string.value });
      index = string.end;
    } else if (rest.startsWith('//')) index = text.indexOf('\n', index) + 1 || text.length;
    else if (rest.startsWith('/*')) index = text.indexOf('*/', index) + 2;
    else {
      const match = /^(?:\s+|'(?:\\[^']{1,10}|[^\\'])'|'[a-z_]+|([A-Za-z_]\w*)|(\d\w*)|(.))/su.exec(text.slice(index));
      if (match[1]) tokens.push({ kind: 'ident', value: match[1] });
      else if (match[2]) tokens.push({ kind: 'number', value: match[2] });
      else if (match[3]) tokens.push({ kind: 'punct', value: match[3] });
      index += match[0].length;
    }
  }
  return tokens;
}

const OPENERS = { '(': ')', '{': '}', '[': ']' };

/** The index of the token that closes the bracket token at `open`. */
function closing(tokens, open) {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const { kind, value } = tokens[index];
    if (kind !== 'punct') continue;
    if (value in OPENERS) depth += 1;
    else if (Object.values(OPENERS).includes(value) && --depth === 0) return index;
  }
  throw new Error('unbalanced brackets');
}

const is = (token, value) => token !== undefined && token.value === value;

/** The functions of a token list: name, whether it is a #[test], and its body's tokens. */
function functions(tokens) {
  const found = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (!is(tokens[index], 'fn') || tokens[index + 1]?.kind !== 'ident') continue;
    let open = index + 2;
    while (!is(tokens[open], '{')) open = is(tokens[open], '(') ? closing(tokens, open) + 1 : open + 1;
    const end = closing(tokens, open);
    const attribute = tokens.slice(Math.max(0, index - 4), index).map((token) => token.value).join('');
    found.push({ name: tokens[index + 1].value, isTest: attribute.endsWith('#[test]'), body: tokens.slice(open + 1, end) });
    index = end;
  }
  return found;
}

/** The squawk rule ids by enum variant, from the `Rule::X => "id"` arms in crates/squawk_linter/src/lib.rs. */
function ruleIds(libSource) {
  return Object.fromEntries([...libSource.matchAll(/Rule::(\w+)\s*=>\s*\{?\s*"([a-z0-9-]+)"/g)].map((match) => [match[1], match[2]]));
}

/** What a run of tokens fixes: a Rule:: variant, settings (a LinterSettings literal or a call to a settings helper), a nested call. */
function facts(tokens, helpers, rules) {
  const found = {};
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (is(token, 'Rule') && is(tokens[index + 1], ':')) found.rule = rules[tokens[index + 3].value];
    if (is(token, 'pg_version') && tokens[index + 2]?.kind === 'string') found.postgresqlVersion = parseInt(tokens[index + 2].value, 10);
    if (is(token, 'assume_in_transaction')) found.assumeInTransaction = is(tokens[index + 2], 'true');
    const helper = helpers.get(token.value);
    if (helper && is(tokens[index + 1], '(')) Object.assign(found, { ...helper, ...found });
    if (Object.hasOwn(TEST_UTILS, token.value) && is(tokens[index + 1], '(')) found.expected ??= TEST_UTILS[token.value];
  }
  return found;
}

/**
 * The test module's helper functions (wrappers of test_utils, settings builders), by name, with
 * what each fixes. Twice over, so that a helper may use one defined after it.
 */
function helperFacts(fns, rules) {
  const helpers = new Map();
  for (let pass = 0; pass < 2; pass += 1) {
    for (const fn of fns.filter((candidate) => !candidate.isTest)) helpers.set(fn.name, facts(fn.body, helpers, rules));
  }
  return helpers;
}

/** The SQL a call's first argument gives: a literal, or the test's `sql` variable. */
function firstArgument(tokens, sql) {
  const [first, second] = tokens;
  if (first.kind === 'string') return first.value;
  return is(first, 'sql') || (is(first, '&') && is(second, 'sql')) ? sql : undefined;
}

/** The cases of one test function: each call that lints, with the SQL the call gets. */
function testCases(fn, helpers, rules) {
  const cases = [];
  let sql;
  const body = fn.body;
  for (let index = 0; index < body.length; index += 1) {
    if (is(body[index], 'let') && is(body[index + 1], 'sql') && is(body[index + 2], '=')) {
      sql = body[index + 3].kind === 'string' && is(body[index + 4], ';') ? body[index + 3].value : undefined;
      continue;
    }
    const callee = body[index].value;
    const lints = Object.hasOwn(TEST_UTILS, callee) || helpers.get(callee)?.expected !== undefined;
    if (!lints || !is(body[index + 1], '(')) continue;
    const end = closing(body, index + 1);
    const call = facts(body.slice(index, end + 1), helpers, rules);
    cases.push({ test: fn.name, sql: firstArgument(body.slice(index + 2), sql), squawkRule: call.rule, expected: call.expected, postgresqlVersion: call.postgresqlVersion ?? SQUAWK_DEFAULT_POSTGRESQL_VERSION, assumeInTransaction: call.assumeInTransaction ?? false });
    index = end;
  }
  return cases;
}

/**
 * Every lint call in squawk's rule tests at `revision` of the checkout: file, test, squawk rule,
 * SQL (undefined when the test builds it, e.g. with format!), settings and the expected verdict.
 */
export function squawkRuleTests(checkout, revision = 'HEAD') {
  const rules = ruleIds(git(checkout, 'show', `${revision}:crates/squawk_linter/src/lib.rs`));
  const files = git(checkout, 'ls-tree', '--name-only', `${revision}:${RULES_FOLDER}`).split('\n').filter((name) => name.endsWith('.rs'));
  return files.flatMap((file) => {
    const source = git(checkout, 'show', `${revision}:${RULES_FOLDER}/${file}`);
    const testModule = source.indexOf('mod test');
    if (testModule < 0) return [];
    const fns = functions(tokenize(source.slice(testModule)));
    const helpers = helperFacts(fns, rules);
    return fns.filter((fn) => fn.isTest).flatMap((fn) => testCases(fn, helpers, rules).map((testCase) => ({ file, ...testCase })));
  });
}
