/**
 * PostgreSQL string constants read from SQL text, with where each character of the value was
 * written: a position in a function body then maps back to the file. Dollar-quoted (`$$...$$`,
 * `$tag$...$tag$`), standard (`'...'`, `''` for a quote) and escape (`E'...'`) strings are read;
 * others (`U&'...'`, a constant continued on the next line) are not.
 */

/** A string constant's value, where each of its characters was written, and where it ends. */
export interface StringConstant {
  value: string;
  /** The offset in the text of the value's character at `index`; of the closing quote for `index === value.length`. */
  offsetOf(index: number): number;
  /** The offset just past the closing quote. */
  end: number;
}

const DOLLAR_QUOTE = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;

/**
 * The string constant that starts at `at`, or undefined when none of the forms read here does.
 *
 * @example
 * const constant = readStringConstant("do 'it''s'", 3)!;
 * [constant.value, constant.offsetOf(3), constant.end] // ["it's", 8, 10]
 */
export function readStringConstant(text: string, at: number): StringConstant | undefined {
  DOLLAR_QUOTE.lastIndex = at;
  const quote = DOLLAR_QUOTE.exec(text)?.[0];
  if (quote) return dollarQuoted(text, at + quote.length, quote);
  if (text[at] === "'") return quoted(text, at + 1, false);
  if ((text[at] === 'E' || text[at] === 'e') && text[at + 1] === "'") return quoted(text, at + 2, true);
  return undefined;
}

function dollarQuoted(text: string, start: number, quote: string): StringConstant | undefined {
  const close = text.indexOf(quote, start);
  return close === -1 ? undefined : { value: text.slice(start, close), offsetOf: (index) => start + index, end: close + quote.length };
}

/** A quoted string up to its closing quote: `''` stands for a quote, and with `escapes` so do backslash sequences. */
function quoted(text: string, start: number, escapes: boolean): StringConstant | undefined {
  let value = '';
  const offsets: number[] = [];
  let at = start;
  while (!(text[at] === "'" && text[at + 1] !== "'")) {
    if (at >= text.length) return undefined;
    const sequence = text[at] === "'" ? { value: "'", length: 2 } : escapes && text[at] === '\\' ? escapeSequence(text, at) : { value: text[at]!, length: 1 };
    if (!sequence) return undefined;
    value += sequence.value;
    for (let unit = 0; unit < sequence.value.length; unit += 1) offsets.push(at);
    at += sequence.length;
  }
  offsets.push(at);
  return { value, offsetOf: (index) => offsets[index] ?? at, end: at + 1 };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const ESCAPE = /\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([\s\S]))/y;

/**
 * The backslash sequence at `at` in an escape string: what it stands for and how long it is.
 * Undefined for a byte value above 0x7f (part of a multi-byte character, not read here).
 */
function escapeSequence(text: string, at: number): { value: string; length: number } | undefined {
  ESCAPE.lastIndex = at;
  const match = ESCAPE.exec(text);
  if (!match) return undefined;
  const [sequence, octal, hex, short, long, other = ''] = match;
  const length = sequence.length;
  const byte = octal !== undefined ? parseInt(octal, 8) : hex !== undefined ? parseInt(hex, 16) : undefined;
  if (byte !== undefined) return byte > 0x7f ? undefined : { value: String.fromCharCode(byte), length };
  const codePoint = short ?? long;
  if (codePoint !== undefined) return { value: String.fromCodePoint(parseInt(codePoint, 16)), length };
  return { value: SIMPLE_ESCAPES[other] ?? other, length };
}
