import { postgresqlAst, qualifiedName } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/**
 * An enum's order is part of its meaning (`<`, `ORDER BY`, `max()`), and a value cannot be moved
 * once added. Without BEFORE or AFTER, ADD VALUE decides the position silently: last. The rule
 * asks for the position to be written; BEFORE and AFTER cost little (see the doc page).
 */
export const banAddEnumValueWithoutPosition: Rule = {
  id: 'ban-add-enum-value-without-position',
  severity: 'info',
  effect: 'breaks-clients',
  description: 'ALTER TYPE ... ADD VALUE without BEFORE or AFTER puts the value last in the enum order, where it stays for good.',
  help: 'Say where the value belongs: ADD VALUE ... BEFORE or AFTER an existing value (AFTER the last one when it belongs at the end).',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      const change = node && 'AlterEnumStmt' in node ? node.AlterEnumStmt : undefined;
      // A rename has oldVal; an ADD VALUE without a position has no neighbour.
      if (!change || change.oldVal !== undefined || change.newValNeighbor !== undefined) return [];
      return [
        {
          message: `ADD VALUE '${change.newVal ?? ''}' puts the value last in enum ${qualifiedName(change.typeName)}: comparisons (<, >, BETWEEN), ORDER BY, min() and max() rank it above every other value, and PostgreSQL cannot move it later.`,
        },
      ];
    },
  },
};
