import type { ColumnDef } from 'libpg-query';
import { functionCalls, functionName, isSerialColumn, offsetOf, reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/**
 * Built-in volatile functions seen in column defaults. A stable default such as now() or
 * CURRENT_TIMESTAMP is computed once and stored in the catalog (PostgreSQL 11+), so it is fine.
 */
const VOLATILE_FUNCTIONS = new Set([
  'random', 'random_normal', 'gen_random_uuid', 'uuidv4', 'uuidv7', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4',
  'clock_timestamp', 'timeofday', 'nextval',
]);

/** A default that differs per row is written into every row: a table rewrite under ACCESS EXCLUSIVE. */
export const banAddColumnVolatileDefault: Rule = {
  id: 'ban-add-column-volatile-default',
  severity: 'error',
  effect: 'rewrites',
  description: 'ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), serial) rewrites the table.',
  help: 'Add the column without a default (or with a constant or stable one), set the default in a separate ALTER, and backfill in batches.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_AddColumn', (command, table) => {
        const column = command.def && 'ColumnDef' in command.def ? command.def.ColumnDef : undefined;
        const cause = column && perRowDefault(column);
        if (!column || !cause) return undefined;
        return { message: `Adding ${table}.${column.colname ?? ''} with ${cause} rewrites every row while blocking all reads and writes of the table.`, offset: offsetOf(statement, column.location) };
      });
    },
  },
};

/** What makes the column's default differ per row, in words; undefined when it does not. */
function perRowDefault(column: ColumnDef): string | undefined {
  // A serial's default takes the next value of a sequence for each row.
  if (isSerialColumn(column)) {
    const type = column.typeName?.names?.at(-1);
    return `type ${type && 'String' in type ? type.String.sval : 'serial'}`;
  }
  for (const item of column.constraints ?? []) {
    const constraint = 'Constraint' in item ? item.Constraint : undefined;
    if (constraint?.contype === 'CONSTR_IDENTITY') return 'an identity';
    if (constraint?.contype !== 'CONSTR_DEFAULT') continue;
    const volatile = functionCalls(constraint.raw_expr).map(functionName).find((name) => VOLATILE_FUNCTIONS.has(name));
    if (volatile) return `the volatile default ${volatile}()`;
  }
  return undefined;
}
