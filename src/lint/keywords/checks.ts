/**
 * A rule's check over tokens, given once for each keyword dialect it supports: dialect
 * differences stay in the classifier's data, not in one copy of the check per dialect.
 */
import type { LintContext, LintStatement, RuleCheck, RuleReport } from '../types.js';
import { statementTokens, type KeywordDialectId, type Token } from './tokens.js';

export type KeywordCheck<D extends KeywordDialectId = KeywordDialectId> = (tokens: readonly Token[], statement: LintStatement, context: LintContext, dialect: D) => readonly RuleReport[];

/**
 * `check` as the rule's check for each of `dialects`; a statement without tokens is not checked.
 *
 * @example
 * checks: { postgresql: ..., ...keywordChecks(['mysql', 'mssql'], (tokens) => (isWord(tokens[0], 'BACKUP') ? [{ message: 'BACKUP' }] : [])) }
 */
export function keywordChecks<D extends KeywordDialectId>(dialects: readonly D[], check: KeywordCheck<D>): Partial<Record<D, RuleCheck>> {
  const bound = (dialect: D): RuleCheck => (statement, context) => {
    const tokens = statementTokens(statement);
    return tokens ? check(tokens, statement, context, dialect) : [];
  };
  return Object.fromEntries(dialects.map((dialect) => [dialect, bound(dialect)])) as Partial<Record<D, RuleCheck>>;
}

/** Every dialect the keyword classifier reads. */
export const KEYWORD_DIALECTS: readonly KeywordDialectId[] = ['mysql', 'sqlite', 'mssql'];
