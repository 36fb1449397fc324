/** `sqlgen lint --list-rules`: every rule with its severity and dialects. */
import { LINT_FINDING_KINDS } from '../engine.js';
import type { DialectId } from '../../dialects/dialect-id.js';
import { ruleDocPath } from '../rule-docs.js';
import type { Effect, FindingKind, Rule } from '../types.js';

export interface RuleListing {
  id: string;
  /** The level it reports at; for a rule off by default, the level it suggests. */
  severity: FindingKind['severity'];
  /** False for advice rules, which report nothing until `lint.rules` gives them a level. */
  enabledByDefault: boolean;
  /** The dialects the rule checks; every dialect for engine findings such as `parse-error`. */
  dialects: DialectId[] | 'all';
  /** What a flagged statement does (see {@link Effect}); absent for engine findings. */
  effect?: Effect;
  description: string;
  help: string;
  /** The doc page, relative to the sqlgen package. */
  doc: string;
}

export function listRules(): RuleListing[] {
  return LINT_FINDING_KINDS.map((kind) => ({
    id: kind.id,
    severity: kind.severity,
    enabledByDefault: kind.enabledByDefault !== false,
    dialects: 'checks' in kind ? (Object.keys((kind as Rule).checks) as DialectId[]) : 'all',
    ...('effect' in kind && { effect: (kind as Rule).effect }),
    description: kind.description,
    help: kind.help,
    doc: ruleDocPath(kind.id),
  }));
}

/** One line per rule: id, level by default (`off` for advice rules), dialects, description. */
export function formatRuleList(rules: readonly RuleListing[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  return rules.map((rule) => `${rule.id.padEnd(width)}  ${(rule.enabledByDefault ? rule.severity : 'off').padEnd(7)}  ${(Array.isArray(rule.dialects) ? rule.dialects.join(',') : rule.dialects).padEnd(30)}  ${rule.description}`).join('\n');
}
