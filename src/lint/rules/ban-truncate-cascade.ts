import { postgresqlAst } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** CASCADE empties every table with a foreign key to the named ones, and theirs in turn. */
export const banTruncateCascade: Rule = {
  id: 'ban-truncate-cascade',
  severity: 'warning',
  effect: 'destroys-data',
  description: 'TRUNCATE ... CASCADE also empties every table that references the named tables, transitively.',
  help: 'Name every table to empty in the TRUNCATE and leave out CASCADE, so a forgotten reference fails instead.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      if (!node || !('TruncateStmt' in node) || node.TruncateStmt.behavior !== 'DROP_CASCADE') return [];
      return [{ message: 'TRUNCATE ... CASCADE also empties every table with a foreign key to these tables, and the tables referencing those.' }];
    },
  },
};
