import { formatDialect, mysql, postgresql, sqlite, transactsql, type DialectOptions, type FormatOptionsWithDialect } from 'sql-formatter';
import type { Dialect } from '../dialects/dialect.js';
import { sqlPieces, type SqlLexicalSyntax } from './inline-bindings.js';

const LANGUAGES: Record<Dialect['formatterLanguage'], DialectOptions> = { postgresql, mysql, sqlite, transactsql };

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
 * the result is cached by that shape, and the real identifiers are put back in order.
 *
 * A statement sql-formatter cannot parse (T-SQL control flow, say) is kept as knex wrote it.
 */
export function statementFormatter(dialect: Dialect, settings: FormatSettings): (sql: string) => string {
  const options: FormatOptionsWithDialect = {
    dialect: LANGUAGES[dialect.formatterLanguage],
    keywordCase: settings.keywordCase,
    tabWidth: settings.tabWidth,
    paramTypes: { positional: true },
  };
  const formattedShapes = new Map<string, string | null>();
  const formatShape = (shape: string): string | null => {
    if (!formattedShapes.has(shape)) formattedShapes.set(shape, tryFormat(shape, options));
    return formattedShapes.get(shape) ?? null;
  };
  return (sql) => {
    const { shape, identifiers } = maskIdentifiers(sql, dialect.lexicalSyntax);
    const formatted = formatShape(shape);
    return formatted === null ? sql : (unmaskIdentifiers(formatted, identifiers, dialect.lexicalSyntax) ?? sql);
  };
}

function tryFormat(sql: string, options: FormatOptionsWithDialect): string | null {
  try {
    return formatDialect(sql, options);
  } catch {
    return null;
  }
}

const IDENTIFIER_QUOTES = new Set(['"', '`', '[']);

function isQuotedIdentifier(text: string): boolean {
  return IDENTIFIER_QUOTES.has(text[0] ?? '');
}

/** `"orders"` → `"______"`: same delimiters, same length, no letters to tell shapes apart. */
function maskIdentifiers(sql: string, syntax: SqlLexicalSyntax): { shape: string; identifiers: string[] } {
  const identifiers: string[] = [];
  let shape = '';
  for (const piece of sqlPieces(sql, syntax)) {
    if (piece.kind === 'text' && isQuotedIdentifier(piece.text)) {
      identifiers.push(piece.text);
      shape += piece.text[0] + '_'.repeat(piece.text.length - 2) + piece.text.at(-1);
    } else {
      shape += piece.text;
    }
  }
  return { shape, identifiers };
}

/** The formatted shape with the identifiers back in order, or null if their number changed. */
function unmaskIdentifiers(formatted: string, identifiers: readonly string[], syntax: SqlLexicalSyntax): string | null {
  let next = 0;
  let out = '';
  for (const piece of sqlPieces(formatted, syntax)) {
    if (piece.kind === 'text' && isQuotedIdentifier(piece.text)) out += identifiers[next++] ?? piece.text;
    else out += piece.text;
  }
  return next === identifiers.length ? out : null;
}
