import { columnConstraints, offsetOf, reportAddedColumns } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** A stored generated column is computed and written into every existing row: a table rewrite. */
export const banAddStoredGeneratedColumn: Rule = {
  id: 'ban-add-stored-generated-column',
  severity: 'error',
  effect: 'rewrites',
  description: 'ADD COLUMN ... GENERATED ALWAYS AS (...) STORED on an existing table rewrites it under an ACCESS EXCLUSIVE lock.',
  help: 'Add a plain nullable column, fill it for new rows with a trigger and backfill old rows in batches; on PostgreSQL 18+ a VIRTUAL column rewrites nothing.',
  checks: {
    postgresql(statement, context) {
      return reportAddedColumns(statement, context, (column, table) => {
        const generated = columnConstraints(column).find((constraint) => constraint.contype === 'CONSTR_GENERATED' && constraint.generated_kind === 's');
        if (!generated) return undefined;
        return {
          message: `Adding the stored generated column ${table}.${column.colname ?? ''} computes it for every row and rewrites the table while blocking all reads and writes of it.`,
          offset: offsetOf(statement, generated.location),
        };
      });
    },
  },
};
