import type { ColumnDef, FuncCall } from 'libpg-query';
import { NON_VOLATILE_BUILTINS, VOLATILE_BUILTINS } from '../postgresql/builtin-functions.js';
import { columnConstraints, functionCalls, functionName, isSerialColumn, offsetOf, qualifiedName, reportSubcommands } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** A default that differs per row (a sequence's next value too) is written into every row: a table rewrite under ACCESS EXCLUSIVE. */
export const banAddColumnVolatileDefault: Rule = {
  id: 'ban-add-column-volatile-default',
  severity: 'error',
  effect: 'rewrites',
  description:
    'ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a function sqlgen does not know as immutable or stable), a serial or identity column, or any default before PostgreSQL 11, rewrites the table.',
  help: 'Add the column without a default (or with a constant or stable one), set the default in a separate ALTER, and backfill in batches.',
  checks: {
    postgresql(statement, context) {
      return reportSubcommands(statement, context, 'AT_AddColumn', (command, table) => {
        const column = command.def && 'ColumnDef' in command.def ? command.def.ColumnDef : undefined;
        if (!column) return undefined;
        const added = `${table}.${column.colname ?? ''}`;
        const offset = offsetOf(statement, column.location);
        const sequence = sequenceColumn(column);
        if (sequence) {
          return { message: `Adding ${added} as ${sequence} gives every existing row its own value from a new sequence: PostgreSQL rewrites the table while blocking all reads and writes of it.`, offset };
        }
        const cause = volatileDefault(column) ?? storedDefault(column, context.postgresqlVersion);
        return cause ? { message: `Adding ${added} with ${cause} rewrites every row while blocking all reads and writes of the table.`, offset } : undefined;
      });
    },
  },
};

/** Before PostgreSQL 11 every default but NULL is written into each row, constant or not. */
function storedDefault(column: ColumnDef, postgresqlVersion: number): string | undefined {
  if (postgresqlVersion >= 11) return undefined;
  const given = (column.constraints ?? []).some((item) => 'Constraint' in item && item.Constraint.contype === 'CONSTR_DEFAULT' && !isNullConstant(item.Constraint.raw_expr));
  return given ? `a default (PostgreSQL ${postgresqlVersion} writes any default into every row; 11 and later store a constant or stable one in the catalog)` : undefined;
}

function isNullConstant(expression: unknown): boolean {
  return typeof expression === 'object' && expression !== null && 'A_Const' in expression && (expression as { A_Const: { isnull?: boolean } }).A_Const.isnull === true;
}

/**
 * A `serial` or identity column, in words: its values come from a sequence created with it, and
 * the ALTER fills every existing row with the next one (the default of a serial is `nextval()`).
 */
function sequenceColumn(column: ColumnDef): string | undefined {
  if (isSerialColumn(column)) {
    const type = column.typeName?.names?.at(-1);
    return `a ${type && 'String' in type ? type.String.sval : 'serial'} column`;
  }
  const identity = columnConstraints(column).find((constraint) => constraint.contype === 'CONSTR_IDENTITY');
  return identity && `an identity column (GENERATED ${identity.generated_when === 'd' ? 'BY DEFAULT' : 'ALWAYS'} AS IDENTITY)`;
}

/** The volatile function in the column's default, in words; undefined when there is none. */
function volatileDefault(column: ColumnDef): string | undefined {
  for (const constraint of columnConstraints(column)) {
    if (constraint.contype !== 'CONSTR_DEFAULT') continue;
    const call = functionCalls(constraint.raw_expr).find(mayBeVolatile);
    if (call) return VOLATILE_BUILTINS.has(functionName(call)) ? `the volatile default ${functionName(call)}()` : `the default ${qualifiedName(call.funcname)}(), a function sqlgen does not know as immutable or stable (so taken as volatile)`;
  }
  return undefined;
}

/**
 * Whether a call may give each row another value: anything but a built-in function that
 * PostgreSQL's catalog lists as immutable or stable in every overload, called with a number of
 * arguments one of them takes (`now(123)` is no built-in). Functions of extensions and users
 * are taken as volatile: sqlgen cannot see their definitions.
 */
function mayBeVolatile(call: FuncCall): boolean {
  const schema = call.funcname && call.funcname.length > 1 ? call.funcname.at(-2) : undefined;
  if (schema && !('String' in schema && schema.String.sval === 'pg_catalog')) return true;
  const accepted = NON_VOLATILE_BUILTINS[functionName(call)];
  return accepted === undefined || !accepted.split(',').some((counts) => takes(counts, call.args?.length ?? 0));
}

/** Whether `count` arguments fit `2`, `1-3` or `1+`. */
function takes(counts: string, count: number): boolean {
  if (counts.endsWith('+')) return count >= Number(counts.slice(0, -1));
  const [least, most = least] = counts.split('-').map(Number);
  return count >= least! && count <= most!;
}
