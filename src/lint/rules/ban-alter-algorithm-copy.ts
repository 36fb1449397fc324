import { alterExistingTable, tableOption } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { findWord, isExistingTableName, isWord, nameLabel, readName, skipAnyOf, type QualifiedName } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import { onlinePlan, targetLabel, targetOf, type PlannedChange } from '../mysql/online-ddl.js';
import type { ChangeKind } from '../mysql/table-changes.js';
import type { LintContext, LintStatement, Rule, RuleReport } from '../types.js';

/**
 * ALGORITHM=COPY builds a new copy of the table with writes blocked; LOCK=SHARED/EXCLUSIVE blocks
 * them on purpose; and some changes get such a lock by default (see mysql/online-ddl.ts).
 */
export const banAlterAlgorithmCopy: Rule = {
  id: 'ban-alter-algorithm-copy',
  severity: 'error',
  effect: 'locks',
  description: 'ALGORITHM=COPY, LOCK=SHARED or LOCK=EXCLUSIVE on an existing table, or a change the server runs that way by default, blocks writes to it for the whole operation.',
  help: 'Use ALGORITHM=INPLACE or INSTANT with LOCK=NONE, or an online schema change tool (gh-ost, pt-online-schema-change).',
  checks: {
    ...keywordChecks(['mysql'], (tokens, statement, context) => {
      const table = alteredTable(tokens, statement.sql, context);
      if (!table) return [];
      const explicit = explicitReports(tokens, nameLabel(table));
      return explicit ?? defaultReports(tokens, statement, context, nameLabel(table));
    }),
  },
};

/** Reports on the ALGORITHM and LOCK the statement asks for; undefined when it asks for neither. */
function explicitReports(tokens: readonly Token[], label: string): RuleReport[] | undefined {
  const algorithm = tableOption(tokens, 'ALGORITHM');
  const lock = tableOption(tokens, 'LOCK');
  if (!asks(algorithm?.value) && !asks(lock?.value)) return undefined;
  const reports: RuleReport[] = [];
  if (algorithm?.value === 'COPY') reports.push({ message: `ALGORITHM=COPY rebuilds ${label} as a copy, blocking writes to it until the copy is done.`, offset: algorithm.offset });
  const blocked = lock?.value === 'EXCLUSIVE' ? 'reads and writes of' : lock?.value === 'SHARED' ? 'writes to' : undefined;
  if (lock && blocked) reports.push({ message: `LOCK=${lock.value} blocks ${blocked} ${label} until the statement is done.`, offset: lock.offset });
  return reports;
}

/** An ALGORITHM or LOCK value other than DEFAULT: the server then does that or fails. */
function asks(value: string | undefined): boolean {
  return value !== undefined && value !== 'DEFAULT';
}

/**
 * Changes that other rules report with their own advice: a redefined column (ban-column-type-change)
 * and a foreign key (ban-add-foreign-key-with-checks).
 */
const REPORTED_ELSEWHERE: ReadonlySet<ChangeKind> = new Set(['redefine-column', 'add-foreign-key']);

/** Reports on the changes the target server runs, by default, with a lock that blocks writes for their whole length. */
function defaultReports(tokens: readonly Token[], statement: LintStatement, context: LintContext, label: string): RuleReport[] {
  const plan = onlinePlan(tokens, statement.sql, context);
  const target = targetLabel(targetOf(context));
  return (plan?.changes ?? []).filter(blocksWrites).map((change) => ({ message: defaultMessage(change, label, target), offset: change.offset }));
}

/** An instant change holds its lock only for a moment (MariaDB renames a table under LOCK=EXCLUSIVE). */
function blocksWrites(change: PlannedChange): boolean {
  const online = change.online;
  return online !== undefined && online.lock !== 'NONE' && online.algorithm !== 'INSTANT' && (change.kind === undefined || !REPORTED_ELSEWHERE.has(change.kind));
}

function defaultMessage(change: PlannedChange, label: string, target: string): string {
  const online = change.online!;
  const blocked = online.lock === 'EXCLUSIVE' ? 'reads and writes of' : 'writes to';
  const how = online.algorithm === 'COPY' ? 'copies the table' : online.rebuildsTable ? 'rebuilds the table in place' : 'runs in place';
  const caveat = online.caveat ? ` (${online.caveat})` : '';
  return `${change.text} ${how} with LOCK=${online.lock} by default on ${target}, blocking ${blocked} ${label} until it is done${caveat}.`;
}

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
