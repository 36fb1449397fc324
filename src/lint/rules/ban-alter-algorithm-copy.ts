import { alterExistingTable, tableOption } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { findWord, isExistingTableName, isWord, nameLabel, readName, skipAnyOf, type QualifiedName } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { LintContext, Rule, RuleReport } from '../types.js';

/** ALGORITHM=COPY builds a new copy of the table with writes blocked; LOCK=SHARED/EXCLUSIVE blocks them on purpose. */
export const banAlterAlgorithmCopy: Rule = {
  id: 'ban-alter-algorithm-copy',
  severity: 'error',
  effect: 'locks',
  description: 'ALGORITHM=COPY, LOCK=SHARED or LOCK=EXCLUSIVE on an existing table blocks writes to it for the whole operation.',
  help: 'Use ALGORITHM=INPLACE or INSTANT with LOCK=NONE, or an online schema change tool (gh-ost, pt-online-schema-change).',
  checks: {
    ...keywordChecks(['mysql'], (tokens, statement, context) => {
      const table = alteredTable(tokens, statement.sql, context);
      if (!table) return [];
      const label = nameLabel(table);
      const reports: RuleReport[] = [];
      const algorithm = tableOption(tokens, 'ALGORITHM');
      if (algorithm?.value === 'COPY') reports.push({ message: `ALGORITHM=COPY rebuilds ${label} as a copy, blocking writes to it until the copy is done.`, offset: algorithm.offset });
      const lock = tableOption(tokens, 'LOCK');
      const blocked = lock?.value === 'EXCLUSIVE' ? 'reads and writes of' : lock?.value === 'SHARED' ? 'writes to' : undefined;
      if (lock && blocked) reports.push({ message: `LOCK=${lock.value} blocks ${blocked} ${label} until the statement is done.`, offset: lock.offset });
      return reports;
    }),
  },
};

const INDEX_MODIFIERS: ReadonlySet<string> = new Set(['UNIQUE', 'FULLTEXT', 'SPATIAL', 'ONLINE', 'OFFLINE']);

/** The existing table of an `ALTER TABLE`, `CREATE INDEX ... ON t` or `DROP INDEX ... ON t`: the statements that take these options. */
function alteredTable(tokens: readonly Token[], sql: string, context: LintContext): QualifiedName | undefined {
  const altered = alterExistingTable(tokens, sql, 'mysql', context);
  if (altered) return altered.table;
  const isIndexStatement = (isWord(tokens[0], 'CREATE') || isWord(tokens[0], 'DROP')) && isWord(tokens[skipAnyOf(tokens, 1, INDEX_MODIFIERS)], 'INDEX');
  const on = isIndexStatement ? findWord(tokens, 'ON') : -1;
  const table = on === -1 ? undefined : readName(tokens, on + 1, sql);
  return table && isExistingTableName(table, context) ? table : undefined;
}
