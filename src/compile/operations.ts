import type { Knex } from 'knex';
import { CompileError } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';
import type { Operations, Where } from '../revisions/types.js';
import { countStatements } from './inline-bindings.js';
import { takeNativeAlterations } from './native-alterations.js';
import { compileQuery, offlineKnex } from './offline-knex.js';
import { prepareTableBuilder } from './prepare-table-builder.js';
import type { RecordedStep } from './shadow-tracker.js';
import type { KnexSqliteClient, TableRebuild } from './sqlite-rebuild.js';
import type { Statement, StatementSource } from './statement.js';

/** Where in the revision file the op being recorded was called, when tracing. */
export type CallSite = () => StatementSource | undefined;

/** What knex's toSQL() yields per statement; `output`/`statementsProducer` mark live-database steps. */
interface KnexEntry {
  sql: string;
  bindings?: readonly unknown[];
  output?: LiveStep;
  statementsProducer?: LiveStep;
}
type LiveStep = (this: unknown, pragma?: unknown, connection?: unknown) => Promise<{ sql?: string[] } | undefined>;

/**
 * The {@link Operations} handed to a revision, recording what it asks for as steps.
 * Every knex builder is compiled with toSQL() at once, checked, and kept with its bindings
 * rendered as literals. SQLite alterations that need the live table become table rebuilds,
 * derived later from the shadow schema (see shadow-tracker.ts).
 */
export function recordOperations(dialect: Dialect, callSite?: CallSite): { operations: Operations; steps: RecordedStep[] } {
  const knex = offlineKnex(dialect);
  const steps: RecordedStep[] = [];
  let transactional = true;

  const add = (operation: string, kind: Statement['kind'], entries: KnexEntry[], expected: { min: number; max?: number }, alteredTable?: string) => {
    const source = callSite?.();
    if (entries.length < expected.min || entries.length > (expected.max ?? Infinity)) {
      throw new CompileError('UNEXPECTED_STATEMENTS', `${operation}: knex compiled ${entries.length} statement(s), expected ${describeCount(expected)}`, 'this is a bug in sqlgen or an unsupported use of the builder; write the SQL with op.execute()');
    }
    for (const entry of entries) {
      const live = entry.statementsProducer ?? entry.output;
      if (live && alteredTable !== undefined && dialect.rebuildsTables) steps.push(tableRebuild(live, { operation, table: alteredTable, transactional }, knex));
      else steps.push(checkedStatement(entry, { operation, kind, transactional, ...(source && { source }) }, dialect));
    }
  };
  const schema = (operation: string, builder: Knex.SchemaBuilder, expected: { min: number; max?: number } = { min: 1 }) => add(operation, 'schema', builder.toSQL() as unknown as KnexEntry[], expected);
  const data = (operation: string, builder: Knex.QueryBuilder) => add(operation, 'data', [compileQuery(builder, dialect)], { min: 1, max: 1 });
  /** Runs the revision's callback, then fixes the builder; alterations also yield their native statements. */
  const tableBuilder = <T extends Knex.TableBuilder>(operation: string, build: (builder: T) => void, natives?: { table: string; sql: string[] }) => (builder: T) => {
    build(builder);
    prepareTableBuilder(builder, dialect, operation);
    if (natives) natives.sql.push(...takeNativeAlterations(builder, natives.table, dialect));
  };

  const operations: Operations = {
    dialect: dialect.id,
    fn: knex.fn,
    createTable(name, build) {
      schema(`createTable ${name}`, knex.schema.createTable(name, tableBuilder(`createTable ${name}`, build)));
    },
    alterTable(name, build) {
      const operation = `alterTable ${name}`;
      const natives = { table: name, sql: [] as string[] };
      const entries = knex.schema.alterTable(name, tableBuilder(operation, build, natives)).toSQL() as unknown as KnexEntry[];
      add(operation, 'schema', [...natives.sql.map((sql) => ({ sql })), ...entries], { min: 0 }, name);
    },
    dropTable: (name) => schema(`dropTable ${name}`, knex.schema.dropTable(name), { min: 1, max: 1 }),
    dropTableIfExists: (name) => schema(`dropTableIfExists ${name}`, knex.schema.dropTableIfExists(name), { min: 1, max: 1 }),
    // knex types renameTable as a promise; it is a builder like the others.
    renameTable: (from, to) => schema(`renameTable ${from}`, knex.schema.renameTable(from, to) as unknown as Knex.SchemaBuilder, { min: 1, max: 1 }),
    createView(name, definition) {
      const query = typeof definition === 'string' ? knex.raw(definition) : definition;
      schema(`createView ${name}`, knex.schema.createView(name, (view) => view.as(query as Knex.QueryBuilder)), { min: 1, max: 1 });
    },
    dropView: (name) => schema(`dropView ${name}`, knex.schema.dropView(name), { min: 1, max: 1 }),
    createSchema: (name) => schema(`createSchema ${name}`, knex.schema.createSchema(name), { min: 1, max: 1 }),
    dropSchema: (name) => schema(`dropSchema ${name}`, knex.schema.dropSchema(name), { min: 1, max: 1 }),
    insert(table, rows) {
      if (Array.isArray(rows) && rows.length === 0) return;
      data(`insert ${table}`, knex(table).insert(rows));
    },
    update: (table, values, where) => data(`update ${table}`, whereClause(knex(table), where).update(values)),
    delete: (table, where) => data(`delete ${table}`, whereClause(knex(table), where).delete()),
    query: (table) => knex(table),
    execute(sql) {
      const source = callSite?.();
      steps.push({ sql, literals: [], origin: 'raw', kind: 'schema', transactional, operation: 'execute', ...(source && { source }) });
    },
    outsideTransaction(build) {
      if (!transactional) throw new CompileError('UNSUPPORTED_OPERATION', 'outsideTransaction() inside outsideTransaction()', 'call it once around the statements that must run outside a transaction');
      transactional = false;
      try {
        build();
      } finally {
        transactional = true;
      }
    },
  };
  return { operations, steps };
}

function tableRebuild(live: LiveStep, context: Pick<TableRebuild, 'operation' | 'table' | 'transactional'>, knex: Knex): TableRebuild {
  // knex calls these with its runner as `this`; offline there is no runner and no connection.
  return { kind: 'table-rebuild', ...context, produce: () => live.call({}), client: knex.client as KnexSqliteClient, recordedAt: new Error('recorded here') };
}

function whereClause(builder: Knex.QueryBuilder, where: Where): Knex.QueryBuilder {
  return typeof where === 'function' ? builder.where(where) : builder.where(where as Record<string, never>);
}

function checkedStatement(entry: KnexEntry, context: Pick<Statement, 'operation' | 'kind' | 'transactional' | 'source'>, dialect: Dialect): Statement {
  if (entry.output || entry.statementsProducer) throw needsLiveDatabase(context.operation, entry.sql, dialect);
  const count = countStatements(entry.sql, dialect.lexicalSyntax);
  if (count !== 1) {
    throw new CompileError('UNEXPECTED_STATEMENTS', `${context.operation}: knex produced text that holds ${count} statements: ${entry.sql}`, 'a name or value was pasted into the SQL unescaped; remove quotes and semicolons from it, or write the SQL with op.execute()');
  }
  return { sql: entry.sql, literals: (entry.bindings ?? []).map(dialect.renderLiteral), origin: 'knex', ...context };
}

const LIVE_DATABASE_HINTS: Partial<Record<Dialect['id'], string>> = {
  mysql: 'restate the whole column instead, e.g. t.string("email", 320).nullable().alter()',
  mssql: 'restate the whole column instead, e.g. t.string("email", 320).nullable().alter()',
};

function needsLiveDatabase(operation: string, sql: string, dialect: Dialect): CompileError {
  return new CompileError(
    'NEEDS_LIVE_DATABASE',
    `${operation}: on ${dialect.id}, knex builds this from the live table definition (it asks the database with \`${sql.trim().split('\n')[0]}\`), and sqlgen has no database`,
    LIVE_DATABASE_HINTS[dialect.id] ?? 'write the statement with op.execute()',
  );
}

function describeCount({ min, max }: { min: number; max?: number }): string {
  if (max === undefined) return `at least ${min}`;
  return min === max ? `exactly ${min}` : `${min} to ${max}`;
}
