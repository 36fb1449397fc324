import { lockedTable } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/**
 * DDL that rewrites, scans or builds an index holds its lock for as long as it runs; without
 * statement_timeout nothing bounds how long the table is unavailable.
 */
export const requireStatementTimeout: Rule = {
  id: 'require-statement-timeout',
  severity: 'info',
  effect: 'locks',
  description: 'DDL that locks an existing table runs with no statement_timeout set earlier in the script.',
  help: "Run SET statement_timeout = '1min' (or SET LOCAL inside the transaction), sized to what the migration may take, before it.",
  checks: {
    postgresql(statement, context) {
      const table = context.statementTimeout ? undefined : lockedTable(statement, context);
      if (table === undefined) return [];
      return [{ message: `This statement locks ${table} with no statement_timeout: if it runs long, the table stays locked until it ends.` }];
    },
  },
};
