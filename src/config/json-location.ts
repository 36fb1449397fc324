/**
 * Where and why JSON text is invalid, found by scanning it ourselves: V8's JSON.parse messages
 * quote the text around the error (a config may hold a database URL, so that can print a user
 * name or password) and, for an unexpected token, give no position at all.
 */

export interface JsonSyntaxError {
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** What is wrong, never quoting the text. */
  problem: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The first syntax error in `text`, or undefined when it is valid JSON. Iterative, so that
 * deep nesting cannot overflow the stack.
 *
 * @example jsonSyntaxError('{"url": postgres://x}') // { line: 1, column: 9, problem: 'unexpected character where a value was expected; ...' }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: string[] = [];
  let expect: Expect = 'value';
  let at = 0;
  const error = (problem: string) => locate(text, at, problem);
  for (;;) {
    at = skipSpace(text, at);
    if (at >= text.length) return expect === 'end' ? undefined : error('the file ends before the JSON does');
    const char = text[at]!;
    const close = open.at(-1) === '{' ? '}' : ']';
    const afterValue = (): Expect => (open.length > 0 ? 'comma-or-close' : 'end');
    if (expect === 'end') return error('more text after the JSON value');
    if (expect === 'colon') {
      if (char !== ':') return error("expected ':' after the property name");
      [at, expect] = [at + 1, 'value'];
    } else if (expect === 'comma-or-close' || ((expect === 'key-or-close' || expect === 'value-or-close') && char === close)) {
      if (char === ',' && expect === 'comma-or-close') [at, expect] = [at + 1, close === '}' ? 'key' : 'value'];
      else if (char === close) {
        open.pop();
        [at, expect] = [at + 1, afterValue()];
      } else return error(`expected ',' or '${close}'`);
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (char !== '"') return error('expected a property name in double quotes');
      const end = stringEnd(text, at);
      if (typeof end === 'string') return locate(text, at, end);
      [at, expect] = [end, 'colon'];
    } else if (char === '{' || char === '[') {
      open.push(char);
      [at, expect] = [at + 1, char === '{' ? 'key-or-close' : 'value-or-close'];
    } else {
      const end = valueEnd(text, at);
      if (typeof end === 'string') return error(end);
      [at, expect] = [end, afterValue()];
    }
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  return at;
}

/** The offset after a scalar value at `at`, or what is wrong. */
function valueEnd(text: string, at: number): number | string {
  if (text[at] === '"') {
    const end = stringEnd(text, at);
    return end;
  }
  for (const pattern of [NUMBER, LITERAL]) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return 'unexpected character where a value was expected (strings, such as a URL, need double quotes)';
}

/** The offset after the string starting at `at`, or what is wrong with it. */
function stringEnd(text: string, at: number): number | string {
  for (let index = at + 1; index < text.length; ) {
    const char = text.charCodeAt(index);
    if (char === 0x22) return index + 1;
    if (char < 0x20) return 'a control character (such as a line break) inside a string';
    if (char === 0x5c) {
      ESCAPE.lastIndex = index;
      if (!ESCAPE.test(text)) return 'an invalid escape (\\) inside a string';
      index = ESCAPE.lastIndex;
    } else index++;
  }
  return 'a string is not closed';
}

function locate(text: string, offset: number, problem: string): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), problem };
}
