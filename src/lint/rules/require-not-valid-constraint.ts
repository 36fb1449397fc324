import type { Constraint } from 'libpg-query';
import { reportSubcommands, offsetOf } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

const KINDS: Partial<Record<NonNullable<Constraint['contype']>, string>> = { CONSTR_CHECK: 'CHECK', CONSTR_FOREIGN: 'FOREIGN KEY' };

/** Adding a validated CHECK or FOREIGN KEY scans the whole table while holding a lock that blocks writes. */
export const requireNotValidConstraint: Rule = {
  id: 'require-not-valid-constraint',
  severity: 'error',
  effect: 'locks',
  description: 'ADD CONSTRAINT ... CHECK or FOREIGN KEY without NOT VALID checks every row while blocking writes.',
  help: 'Add the constraint NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_AddConstraint', (command, table) => {
        const constraint = command.def && 'Constraint' in command.def ? command.def.Constraint : undefined;
        const kind = KINDS[constraint?.contype ?? 'CONSTR_NULL'];
        if (!constraint || !kind || constraint.skip_validation) return undefined;
        const name = constraint.conname ? `${constraint.conname} ` : '';
        return { message: `ADD CONSTRAINT ${name}${kind} checks every row of ${table} while holding a lock that blocks writes.`, offset: offsetOf(statement, constraint.location) };
      });
    },
  },
};
