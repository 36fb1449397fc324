/**
 * Suppression comments. Each silences findings by the statement they are about:
 *
 * - `-- sqlgen-lint-disable-next-line rule-id[, rule-id]`: the next statement that starts after
 *   the comment;
 * - `-- sqlgen-lint-disable rule-id` ... `-- sqlgen-lint-enable rule-id`: every statement that
 *   starts between the two comments (to the end of the script without an enable).
 *
 * Without ids a directive applies to all rules. Text after ` -- ` is a reason and is ignored:
 * `-- sqlgen-lint-disable-next-line ban-drop-column -- unused since v2`. Block comments work too.
 */
import type { ScriptComment } from './split-statements.js';

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Empty: every rule. */
  ruleIds: string[];
  offset: number;
}

const DIRECTIVE = /^sqlgen-lint-(disable-next-line|disable|enable)(?:\s+([\s\S]*))?$/;

/** Says whether a rule's findings on the statement starting at an offset are suppressed. */
export type SuppressionCheck = (ruleId: string, statementOffset: number) => boolean;

/**
 * Reads the directives in `comments`; `statementOffsets` (ascending) are where the script's
 * statements start, for `disable-next-line`.
 *
 * @example
 * const suppressed = suppressions([{ text: '-- sqlgen-lint-disable-next-line ban-drop-table', offset: 0 }], [48]);
 * suppressed('ban-drop-table', 48) // true
 */
export function suppressions(comments: readonly ScriptComment[], statementOffsets: readonly number[]): SuppressionCheck {
  const directives = comments.flatMap(parseDirective);
  const ranges = directives.filter((directive) => directive.kind !== 'disable-next-line');
  const nextLine = directives.filter((directive) => directive.kind === 'disable-next-line').map((directive) => ({
    ruleIds: directive.ruleIds,
    statementOffset: statementOffsets.find((offset) => offset > directive.offset),
  }));
  return (ruleId, statementOffset) =>
    nextLine.some((directive) => directive.statementOffset === statementOffset && appliesTo(directive, ruleId)) ||
    disabledByRanges(ranges, ruleId, statementOffset);
}

/** The last disable or enable for the rule before the statement decides. */
function disabledByRanges(ranges: readonly Directive[], ruleId: string, statementOffset: number): boolean {
  let disabled = false;
  for (const directive of ranges) {
    if (directive.offset > statementOffset) break;
    if (appliesTo(directive, ruleId)) disabled = directive.kind === 'disable';
  }
  return disabled;
}

function appliesTo(directive: { ruleIds: string[] }, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

function parseDirective(comment: ScriptComment): Directive[] {
  const body = comment.text.replace(/^(?:--|#|\/\*)/, '').replace(/\*\/$/, '').trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return [];
  const ids = (match[2] ?? '').split(/\s--\s|\s--$/)[0] ?? '';
  const ruleIds = ids.split(/[\s,]+/).filter(Boolean);
  return [{ kind: match[1] as Directive['kind'], ruleIds, offset: comment.offset }];
}
