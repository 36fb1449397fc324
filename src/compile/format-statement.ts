import { createRequire } from 'node:module';
import type { FormatOptionsWithDialect } from 'sql-formatter';
import type { Dialect } from '../dialects/dialect.js';
import { FormattedShapes } from './formatted-shapes.js';
import { sqlPieces, type SqlLexicalSyntax, type SqlPiece } from './inline-bindings.js';

type SqlFormatter = typeof import('sql-formatter');

/**
 * Loaded with the first shape to format: with its two dozen languages sql-formatter takes about
 * 80 ms to load, which `--no-format` and shapes formatted in an earlier run need not pay. (Its
 * CommonJS build, so that loading is synchronous.)
 */
let sqlFormatter: SqlFormatter | undefined;

export interface FormatSettings {
  keywordCase: 'upper' | 'lower' | 'preserve';
  tabWidth: number;
}

/**
 * A formatter for knex statements that still hold `?` placeholders (formatting before the
 * literals go in keeps the formatter's input short, whatever the data).
 *
 * sql-formatter costs about 0.3 ms a statement, too slow for scripts of tens of thousands, but
 * migrations repeat a few shapes with other names. So each quoted identifier is replaced by a
 * filler of the same length before formatting (layout depends on lengths, never on the letters),
 * the result is cached by that shape, cut where the identifiers stand, and each statement
 * gets its real identifiers put back in order. The cut shapes are kept for later runs too
 * (see {@link FormattedShapes}; `env` says where).
 *
 * A statement sql-formatter cannot parse (T-SQL control flow, say) is kept as knex wrote it.
 */
export function statementFormatter(dialect: Dialect, settings: FormatSettings, env: NodeJS.ProcessEnv = process.env): (sql: string) => string {
  let options: FormatOptionsWithDialect | undefined;
  const format = (shape: string) => {
    sqlFormatter ??= createRequire(import.meta.url)('sql-formatter') as SqlFormatter;
    options ??= { dialect: sqlFormatter[dialect.formatterLanguage], keywordCase: settings.keywordCase, tabWidth: settings.tabWidth, paramTypes: { positional: true } };
    return sqlFormatter.formatDialect(shape, options);
  };
  const syntax = dialect.lexicalSyntax;
  const shapes = FormattedShapes.open({ dialect: dialect.id, syntax, keywordCase: settings.keywordCase, tabWidth: settings.tabWidth }, env);
  return (sql) => {
    const { shape, identifiers } = maskIdentifiers(sql, syntax);
    let parts = shapes.get(shape);
    // Parts cut at another number of identifiers come from a damaged cache file: format again.
    if (parts === undefined || (parts !== null && parts.length !== identifiers.length + 1)) {
      parts = formattedParts(shape, identifiers.length, format, syntax);
      shapes.add(shape, parts);
    }
    return parts === null ? sql : parts.reduce((text, part, index) => text + identifiers[index - 1] + part);
  };
}

const IDENTIFIER_QUOTES = new Set(['"', '`', '[']);

function isQuotedIdentifier(piece: SqlPiece): boolean {
  return piece.kind === 'text' && IDENTIFIER_QUOTES.has(piece.text[0] ?? '');
}

/** `"orders"` → `"______"`: same delimiters, same length, no letters to tell shapes apart. */
function maskIdentifiers(sql: string, syntax: SqlLexicalSyntax): { shape: string; identifiers: string[] } {
  const identifiers: string[] = [];
  let shape = '';
  for (const piece of sqlPieces(sql, syntax)) {
    if (isQuotedIdentifier(piece)) {
      identifiers.push(piece.text);
      shape += piece.text[0] + '_'.repeat(piece.text.length - 2) + piece.text.at(-1);
    } else {
      shape += piece.text;
    }
  }
  return { shape, identifiers };
}

/**
 * The formatted shape cut at its masked identifiers: the text before the first, between each
 * two, and after the last. Null when sql-formatter fails or changes the number of identifiers;
 * the statement is then kept as knex wrote it.
 */
function formattedParts(shape: string, identifierCount: number, format: (sql: string) => string, syntax: SqlLexicalSyntax): string[] | null {
  let formatted: string;
  try {
    formatted = format(shape);
  } catch {
    return null;
  }
  const parts = [''];
  for (const piece of sqlPieces(formatted, syntax)) {
    if (isQuotedIdentifier(piece)) parts.push('');
    else parts[parts.length - 1] += piece.text;
  }
  return parts.length === identifierCount + 1 ? parts : null;
}
