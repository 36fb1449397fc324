import { reportColumnTypes } from '../postgresql/column-types.js';
import type { Rule } from '../types.js';

/**
 * Advice, off by default: char(n) (`bpchar`) pads each value with spaces to n characters. `"char"`,
 * the one-byte internal type, is another type (`char` to the parser) and is not reported.
 */
export const banCharField: Rule = {
  id: 'ban-char-field',
  severity: 'info',
  enabledByDefault: false,
  effect: 'breaks-clients',
  description: 'A char(n) column pads every value with spaces to n characters, which clients and LIKE see.',
  help: 'Declare it text or varchar, with CHECK (length(col) = n) if every value must have n characters.',
  checks: {
    postgresql: (statement) =>
      reportColumnTypes(statement, ({ column, type, length }) =>
        type === 'bpchar'
          ? `${column} is char(${length ?? 'n'}): values are stored and returned padded with spaces to that length, so clients read 'ab   ' and LIKE 'ab' does not match, and it is no faster than text.`
          : undefined,
      ),
  },
};
