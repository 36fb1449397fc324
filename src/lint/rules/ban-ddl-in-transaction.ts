import { keywordChecks } from '../keywords/checks.js';
import { isWord, skipAnyOf } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { Rule } from '../types.js';

/**
 * MySQL and MariaDB commit the open transaction before a DDL statement and again after it, so
 * BEGIN ... COMMIT around DDL promises an all-or-nothing migration that the server does not keep.
 */
export const banDdlInTransaction: Rule = {
  id: 'ban-ddl-in-transaction',
  severity: 'error',
  effect: 'fails',
  description: 'DDL inside START TRANSACTION ... COMMIT commits the transaction implicitly, so a failure leaves the migration half-applied.',
  help: 'Run DDL outside the transaction, one idempotent step at a time; keep transactions for data changes only.',
  checks: {
    ...keywordChecks(['mysql'], (tokens, statement) => {
      const ddl = statement.inTransaction ? implicitlyCommitting(tokens) : undefined;
      return ddl
        ? [{ message: `${ddl} commits the open transaction before and after it: what ran before cannot be rolled back, and a failure leaves the migration half-applied.` }]
        : [];
    }),
  },
};

const DDL_VERBS: ReadonlySet<string> = new Set(['CREATE', 'ALTER', 'DROP', 'RENAME', 'TRUNCATE']);
/** Words between the verb and the kind of object: `CREATE OR REPLACE`, `CREATE UNIQUE INDEX`, `ALTER ONLINE TABLE`. */
const DDL_MODIFIERS: ReadonlySet<string> = new Set(['OR', 'REPLACE', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'ONLINE', 'IGNORE', 'AGGREGATE']);

/**
 * `CREATE TABLE`, `DROP INDEX`...: the DDL statement as its first words name it, or undefined when
 * it does not commit. `CREATE TEMPORARY TABLE` and `DROP TEMPORARY TABLE` do not.
 */
function implicitlyCommitting(tokens: readonly Token[]): string | undefined {
  const verb = tokens[0];
  if (verb?.kind !== 'word' || !DDL_VERBS.has(verb.text)) return undefined;
  const object = tokens[skipAnyOf(tokens, 1, DDL_MODIFIERS)];
  if (isWord(object, 'TEMPORARY') && verb.text !== 'ALTER') return undefined;
  return object?.kind === 'word' ? `${verb.text} ${object.text}` : verb.text;
}
