import { alterExistingTable } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { findWord, isWord, nameLabel, readName, wordsAt } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { Rule, RuleReport } from '../types.js';

/**
 * SQL Server checks a constraint added or enabled WITH NOCHECK against no existing row and marks
 * it not trusted (sys.check_constraints / sys.foreign_keys `is_not_trusted`): the optimizer cannot
 * rely on it. NOCHECK CONSTRAINT disables it: new rows are not checked either. CHECK CONSTRAINT
 * without WITH CHECK re-enables it WITH NOCHECK, SQL Server's default for re-enabled constraints
 * (ALTER TABLE (Transact-SQL), "WITH CHECK | WITH NOCHECK").
 */
export const banNocheckConstraint: Rule = {
  id: 'ban-nocheck-constraint',
  severity: 'warning',
  effect: 'weakens-integrity',
  description: 'WITH NOCHECK, NOCHECK CONSTRAINT, or CHECK CONSTRAINT without WITH CHECK on an existing table leaves a constraint unchecked: rows that break it stay, and the optimizer cannot trust it.',
  help: 'Fix the rows that break it, then add or enable it WITH CHECK (ALTER TABLE t WITH CHECK CHECK CONSTRAINT c), which reads the table: run it at a quiet time.',
  checks: {
    ...keywordChecks(['mssql'], (tokens, statement, context) => {
      const altered = alterExistingTable(tokens, statement.sql, 'mssql', context);
      if (!altered) return [];
      const report = nocheckReport(tokens, statement.sql, altered.table.next, nameLabel(altered.table));
      return report ? [report] : [];
    }),
  },
};

/** `WITH NOCHECK ADD ...`, `[WITH NOCHECK] CHECK CONSTRAINT c` or `NOCHECK CONSTRAINT c|ALL`, right after the table. */
function nocheckReport(tokens: readonly Token[], sql: string, at: number, table: string): RuleReport | undefined {
  const offset = tokens[at]?.offset;
  if (wordsAt(tokens, at, 'NOCHECK', 'CONSTRAINT')) {
    return { message: `NOCHECK CONSTRAINT ${constraintsAt(tokens, at + 2, sql)} disables it on ${table}: rows written from now on are not checked, and it is not trusted once enabled again without a check.`, offset };
  }
  if (wordsAt(tokens, at, 'CHECK', 'CONSTRAINT')) {
    return { message: `CHECK CONSTRAINT ${constraintsAt(tokens, at + 2, sql)} without WITH CHECK enables it on ${table} without checking the rows there: it stays untrusted, and rows that break it stay.`, offset };
  }
  if (!wordsAt(tokens, at, 'WITH', 'NOCHECK')) return undefined;
  if (wordsAt(tokens, at + 2, 'CHECK', 'CONSTRAINT')) {
    return { message: `WITH NOCHECK CHECK CONSTRAINT ${constraintsAt(tokens, at + 4, sql)} enables it on ${table} without checking the rows there: it stays untrusted, and rows that break it stay.`, offset };
  }
  if (!isWord(tokens[at + 2], 'ADD')) return undefined;
  const named = isWord(tokens[at + 3], 'CONSTRAINT') ? readName(tokens, at + 4, sql) : undefined;
  const constraint = named ? `constraint ${nameLabel(named)}` : 'the constraint';
  return { message: `WITH NOCHECK adds ${constraint} to ${table} without checking the rows there: it is not trusted, so the optimizer ignores it, and rows that break it stay.`, offset };
}

/** `c`, `a, b` or `ALL`, as written. */
function constraintsAt(tokens: readonly Token[], at: number, sql: string): string {
  const end = findWord(tokens, 'WITH', { start: at, end: tokens.length });
  const last = tokens[(end === -1 ? tokens.length : end) - 1];
  return last && tokens[at] ? sql.slice(tokens[at].offset, last.end) : '';
}
