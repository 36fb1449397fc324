/**
 * PostgreSQL's lock model: for one parsed statement, the table-level lock it takes on each
 * relation it names, from the manual ("Explicit Locking" and each command's page), for the
 * configured server version. test/lint/locks/postgresql.test.ts checks each kind of statement
 * against the locks a real PostgreSQL (PGlite) holds after running it.
 *
 * Left out, as taking no lock worth reporting: settings, transaction control, GRANT and REVOKE,
 * statements that create or change only types, functions, schemas, roles and extensions, DROP
 * of those without CASCADE, sqlgen's own version guards, and queries that name no table. A kind
 * of statement the model does not know is reported with an `unknown` lock, never passed over.
 */
import type { Node, RangeVar } from 'libpg-query';
import { isPostgresqlGuard } from '../../dialects/guards/postgresql.js';
import { droppedIndexes, enabledOption, functionCalls, functionName, postgresqlAst, qualifiedName, relationLabel } from '../postgresql/ast.js';
import { NON_VOLATILE_BUILTINS, VOLATILE_BUILTINS } from '../postgresql/builtin-functions.js';
import type { LintContext, LintStatement } from '../types.js';
import type { LockFact, StatementLocks } from './lock-entry.js';
import { alterTableLocks } from './postgresql-alter-table.js';
import { lockFact, lockOn, lockOnObject, mergedLocks, type PostgresqlLock } from './postgresql-lock.js';
import { POSTGRESQL_LOCK_MODES } from './postgresql-modes.js';
import { queryLocks } from './postgresql-queries.js';

/** Every key a parse-tree node may have: the statement kinds among them. */
type NodeKind = Node extends infer Each ? (Each extends unknown ? keyof Each : never) : never;
type NodeOf<Kind extends NodeKind> = Extract<Node, Record<Kind, unknown>>[Kind];
type KindModel<Kind extends NodeKind> = (node: NodeOf<Kind>, context: LintContext, statement: LintStatement) => PostgresqlLock[];

/** Statement kinds that lock no table worth reporting (see the module comment). */
const NO_TABLE_LOCK: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'TransactionStmt', 'VariableSetStmt', 'VariableShowStmt', 'DiscardStmt', 'ConstraintsSetStmt',
  'GrantStmt', 'GrantRoleStmt', 'AlterDefaultPrivilegesStmt', 'CreateRoleStmt', 'AlterRoleStmt', 'DropRoleStmt',
  'CreateSchemaStmt', 'CreateExtensionStmt', 'CreateFunctionStmt', 'AlterFunctionStmt', 'CreateSeqStmt',
  'CreateEnumStmt', 'AlterEnumStmt', 'CreateDomainStmt', 'CompositeTypeStmt', 'CreateRangeStmt', 'DefineStmt', 'CreateCastStmt',
  'ListenStmt', 'UnlistenStmt', 'NotifyStmt', 'CheckPointStmt', 'DeallocateStmt', 'AlterOwnerStmt',
]);

const ACCESS_EXCLUSIVE = 'ACCESS EXCLUSIVE';

/** The statement kinds the model knows; an absent kind is reported as unknown. */
const MODELS: { [Kind in NodeKind]?: KindModel<Kind> } = {
  AlterTableStmt: (node, context, statement) => alterTableLocks(statement, node, context),
  IndexStmt: (node) =>
    node.concurrent
      ? lockOn(node.relation, 'SHARE UPDATE EXCLUSIVE', 'scans', 'builds the index in two scans, outside any transaction block, after waiting for every transaction that could use it')
      : lockOn(node.relation, 'SHARE', 'scans', 'builds the index'),
  DropStmt: (node) => dropLocks(node),
  TruncateStmt: (node) =>
    relationsOf(node.relations).flatMap((relation) =>
      lockOn(relation, ACCESS_EXCLUSIVE, 'none', 'empties the table (new, empty files)', ...(node.behavior === 'DROP_CASCADE' ? ['CASCADE empties and locks every table with a foreign key to it'] : [])),
    ),
  LockStmt: (node) => relationsOf(node.relations).flatMap((relation) => lockOn(relation, POSTGRESQL_LOCK_MODES[(node.mode ?? 8) - 1] ?? ACCESS_EXCLUSIVE)),
  ClusterStmt: (node) =>
    node.relation ? lockOn(node.relation, ACCESS_EXCLUSIVE, 'rewrites', 'in index order') : [lockOnObject('each table clustered before', ACCESS_EXCLUSIVE, 'rewrites', 'one table at a time')],
  ReindexStmt: (node, context) => reindexLocks(node, context),
  VacuumStmt: (node) => vacuumLocks(node),
  RefreshMatViewStmt: (node) =>
    node.concurrent
      ? lockOn(node.relation, 'EXCLUSIVE', 'scans', "runs the view's query and applies the difference; the tables it reads get ACCESS SHARE")
      : lockOn(node.relation, ACCESS_EXCLUSIVE, 'rewrites', "runs the view's query into new files; the tables it reads get ACCESS SHARE"),
  CreateTrigStmt: (node) => lockOn(node.relation, 'SHARE ROW EXCLUSIVE'),
  CreatePolicyStmt: (node) => lockOn(node.table, ACCESS_EXCLUSIVE),
  AlterPolicyStmt: (node) => lockOn(node.table, ACCESS_EXCLUSIVE),
  RuleStmt: (node) => lockOn(node.relation, ACCESS_EXCLUSIVE),
  CreateStatsStmt: (node) => relationsOf(node.relations).flatMap((relation) => lockOn(relation, 'SHARE UPDATE EXCLUSIVE')),
  CommentStmt: (node) => commentLocks(node),
  CreateStmt: (node) => createTableLocks(node),
  CreateTableAsStmt: (node) => queryLocks(node.query),
  ViewStmt: (node) => [...(node.replace ? lockOn(node.view, ACCESS_EXCLUSIVE, 'none', 'when the view exists') : []), ...queryLocks(node.query)],
  SelectStmt: (node) => selectLocks(node),
  InsertStmt: (node) => [...lockOn(node.relation, 'ROW EXCLUSIVE'), ...queryLocks(node)],
  UpdateStmt: (node) => [...lockOn(node.relation, 'ROW EXCLUSIVE'), ...queryLocks(node)],
  DeleteStmt: (node) => [...lockOn(node.relation, 'ROW EXCLUSIVE'), ...queryLocks(node)],
  MergeStmt: (node, context) => [
    ...lockOn(node.relation, 'ROW EXCLUSIVE', 'none', ...(context.postgresqlVersion < 15 ? [`MERGE needs PostgreSQL 15: a syntax error on ${context.postgresqlVersion}`] : [])),
    ...queryLocks(node),
  ],
  CopyStmt: (node) => (node.relation ? lockOn(node.relation, node.is_from ? 'ROW EXCLUSIVE' : 'ACCESS SHARE') : queryLocks(node.query)),
  ExplainStmt: (node, context, statement) => (node.query ? nodeLocks(node.query, context, statement) : []),
  RenameStmt: (node, context) => renameLocks(node, context),
  AlterObjectSchemaStmt: (node) => (RELATIONS.has(node.objectType ?? 'OBJECT_TYPE') ? lockOn(node.relation, ACCESS_EXCLUSIVE) : []),
  AlterSeqStmt: (node) => lockOn(node.sequence, 'SHARE ROW EXCLUSIVE', 'none', 'nextval() waits, and so do inserts that take a value from it'),
  AlterDomainStmt: (node) => domainLocks(node),
  DoStmt: () => [lockOnObject('what the block does', 'unknown', 'unknown', 'sqlgen does not follow the code of a DO block')],
  CallStmt: (node) => [lockOnObject(`what ${callName(node.funccall)}() does`, 'unknown', 'unknown', 'sqlgen does not follow the code of a procedure')],
};

/** Kinds of relation a statement may name and this model reports. */
const RELATIONS: ReadonlySet<string> = new Set(['OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE']);

/**
 * The locks one PostgreSQL statement takes, one per object, strongest mode first merged.
 *
 * @example
 * postgresqlLocks(parsed('alter table orders add constraint fk foreign key (c) references customers'), context)
 * // [{ object: 'orders', mode: 'SHARE ROW EXCLUSIVE', blocks: 'writes', effect: 'scans' },
 * //  { object: 'customers', mode: 'SHARE ROW EXCLUSIVE', blocks: 'writes', effect: 'none', note: 'referenced by the new foreign key' }]
 */
export const postgresqlLocks: StatementLocks = (statement, context): LockFact[] => {
  const node = postgresqlAst(statement);
  if (!node) return [lockFact(lockOnObject('what the statement does', 'unknown', 'unknown', 'it does not parse'), context)];
  if (isPostgresqlGuard(statement.sql)) return [];
  return mergedLocks(nodeLocks(node, context, statement)).map((lock) => lockFact(lock, context));
};

function nodeLocks(node: Node, context: LintContext, statement: LintStatement): PostgresqlLock[] {
  const kind = Object.keys(node)[0] as NodeKind;
  if (NO_TABLE_LOCK.has(kind)) return [];
  const model = MODELS[kind] as KindModel<NodeKind> | undefined;
  if (model) return model((node as Record<NodeKind, never>)[kind], context, statement);
  const words = statement.sql.split(/\s+/).slice(0, 2).join(' ').toUpperCase();
  return [lockOnObject('what the statement locks', 'unknown', 'unknown', `sqlgen has no lock model for ${words} yet: see its page in the PostgreSQL manual`)];
}

function relationsOf(items: readonly Node[] | undefined): RangeVar[] {
  return (items ?? []).flatMap((item) => ('RangeVar' in item ? [item.RangeVar] : []));
}

/** A relation from a dotted name list: `[schema, table]` or `[table]`. */
function relationFromNames(names: readonly Node[] | undefined): RangeVar | undefined {
  const parts = qualifiedName(names).split('.');
  const relname = parts.at(-1);
  return relname ? { relname, ...(parts.length > 1 && { schemaname: parts.at(-2) }) } : undefined;
}

function namesOf(object: Node | undefined): Node[] | undefined {
  return object && 'List' in object ? object.List.items : undefined;
}

/** DROP: relations get ACCESS EXCLUSIVE; a trigger, policy or rule locks its table so; CASCADE of anything else reaches tables unseen. */
function dropLocks(node: NodeOf<'DropStmt'>): PostgresqlLock[] {
  const cascade = node.behavior === 'DROP_CASCADE' ? ['CASCADE also drops, and locks, what depends on it'] : [];
  switch (node.removeType) {
    case 'OBJECT_INDEX':
      return droppedIndexes({ DropStmt: node }).map((index) =>
        lockOnObject(`table of index ${relationLabel(index)}`, node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : ACCESS_EXCLUSIVE, 'none', ...(node.concurrent ? ['outside any transaction block, after waiting for every transaction using the index'] : [])),
      );
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
      return objectRelations(node).flatMap((relation) => lockOn(relation, ACCESS_EXCLUSIVE, 'none', 'and ACCESS EXCLUSIVE on each table its foreign keys reference', ...cascade));
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE':
      return objectRelations(node).flatMap((relation) => lockOn(relation, ACCESS_EXCLUSIVE, 'none', ...cascade));
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE':
      // The name list is [schema, table, object]: the table is locked.
      return (node.objects ?? []).flatMap((object) => lockOn(relationFromNames(namesOf(object)?.slice(0, -1)), ACCESS_EXCLUSIVE));
    default:
      return cascade.length > 0 ? [lockOnObject('what depends on it', 'unknown', 'unknown', ...cascade)] : [];
  }
}

function objectRelations(node: NodeOf<'DropStmt'>): RangeVar[] {
  return (node.objects ?? []).flatMap((object) => relationFromNames(namesOf(object)) ?? []);
}

/**
 * REINDEX: SHARE on the table and ACCESS EXCLUSIVE on each index rebuilt, which a query planned
 * on the table waits for (the planner opens every index); CONCURRENTLY (PostgreSQL 12+) only SHARE
 * UPDATE EXCLUSIVE on both.
 */
function reindexLocks(node: NodeOf<'ReindexStmt'>, context: LintContext): PostgresqlLock[] {
  const concurrent = enabledOption(node.params, 'concurrently') !== undefined;
  const tableMode = concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE';
  const indexMode = concurrent ? 'SHARE UPDATE EXCLUSIVE' : ACCESS_EXCLUSIVE;
  const notes = [
    ...(concurrent && context.postgresqlVersion < 12 ? [`CONCURRENTLY needs PostgreSQL 12: a syntax error on ${context.postgresqlVersion}`] : []),
    ...(concurrent ? ['builds each index anew outside any transaction block'] : ['queries planned on the table wait for the lock on its indexes']),
  ];
  const label = node.relation ? relationLabel(node.relation) : (node.name ?? '');
  switch (node.kind) {
    case 'REINDEX_OBJECT_TABLE':
      return [...lockOn(node.relation, tableMode, 'scans', ...notes), lockOnObject(`indexes of ${label}`, indexMode)];
    case 'REINDEX_OBJECT_INDEX':
      return [lockOnObject(`table of index ${label}`, tableMode, 'scans', ...notes), ...lockOn(node.relation, indexMode)];
    default:
      return [lockOnObject(node.kind === 'REINDEX_OBJECT_SCHEMA' ? `each table in schema ${label}` : 'each table in the database', tableMode, 'scans', 'one table at a time', ...notes)];
  }
}

/** VACUUM: SHARE UPDATE EXCLUSIVE, or ACCESS EXCLUSIVE and a rewrite for FULL; ANALYZE reads a sample. */
function vacuumLocks(node: NodeOf<'VacuumStmt'>): PostgresqlLock[] {
  const full = node.is_vacuumcmd && enabledOption(node.options, 'full') !== undefined;
  const [mode, effect, note] = full
    ? ([ACCESS_EXCLUSIVE, 'rewrites', 'writes the table anew without its dead rows'] as const)
    : node.is_vacuumcmd
      ? (['SHARE UPDATE EXCLUSIVE', 'scans', 'skips pages the visibility map marks all-visible'] as const)
      : (['SHARE UPDATE EXCLUSIVE', 'none', 'reads a sample of the rows'] as const);
  const relations = (node.rels ?? []).flatMap((item) => ('VacuumRelation' in item && item.VacuumRelation.relation ? [item.VacuumRelation.relation] : []));
  if (relations.length === 0) return [lockOnObject('each table in the database', mode, effect, 'one table at a time', note)];
  return relations.flatMap((relation) => lockOn(relation, mode, effect, note));
}

/** COMMENT ON a relation or column: SHARE UPDATE EXCLUSIVE on it; on a constraint, trigger, policy or rule: ACCESS SHARE on its table. */
function commentLocks(node: NodeOf<'CommentStmt'>): PostgresqlLock[] {
  const names = namesOf(node.object);
  switch (node.objtype) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_INDEX':
    case 'OBJECT_SEQUENCE':
      return lockOn(relationFromNames(names), 'SHARE UPDATE EXCLUSIVE');
    case 'OBJECT_COLUMN':
      return lockOn(relationFromNames(names?.slice(0, -1)), 'SHARE UPDATE EXCLUSIVE');
    case 'OBJECT_TABCONSTRAINT':
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE':
      return lockOn(relationFromNames(names?.slice(0, -1)), 'ACCESS SHARE');
    default:
      return [];
  }
}

/**
 * CREATE TABLE locks no one out of the new table, but locks the tables it names: SHARE ROW
 * EXCLUSIVE on each its foreign keys reference, ACCESS EXCLUSIVE on the partitioned table of
 * PARTITION OF, SHARE UPDATE EXCLUSIVE on INHERITS parents, ACCESS SHARE on LIKE sources.
 */
function createTableLocks(node: NodeOf<'CreateStmt'>): PostgresqlLock[] {
  const self = node.relation?.relname;
  const constraints = [
    ...(node.constraints ?? []),
    ...(node.tableElts ?? []).flatMap((element) => ('ColumnDef' in element ? (element.ColumnDef.constraints ?? []) : [element])),
  ];
  const referenced = constraints.flatMap((item) =>
    'Constraint' in item && item.Constraint.contype === 'CONSTR_FOREIGN' && item.Constraint.pktable?.relname !== self ? lockOn(item.Constraint.pktable, 'SHARE ROW EXCLUSIVE', 'none', 'referenced by a foreign key of the new table') : [],
  );
  const likes = (node.tableElts ?? []).flatMap((element) => ('TableLikeClause' in element ? lockOn(element.TableLikeClause.relation, 'ACCESS SHARE') : []));
  const parents = relationsOf(node.inhRelations).flatMap((parent) =>
    node.partbound ? lockOn(parent, ACCESS_EXCLUSIVE, 'none', 'the partitioned table of the new partition') : lockOn(parent, 'SHARE UPDATE EXCLUSIVE', 'none', 'a parent of the new table'),
  );
  return [...parents, ...referenced, ...likes];
}

/** SELECT: ACCESS SHARE on what it reads, ROW SHARE with FOR UPDATE/SHARE; a call to a function sqlgen does not know may lock anything. */
function selectLocks(node: NodeOf<'SelectStmt'>): PostgresqlLock[] {
  const locks = queryLocks({ SelectStmt: node });
  if (locks.length > 0) return locks;
  return functionCalls(node)
    .filter((call) => !isBuiltin(functionName(call), call.funcname))
    .map((call) => lockOnObject(`what ${qualifiedName(call.funcname)}() does`, 'unknown', 'unknown', 'sqlgen does not follow the code of a function it does not know'));
}

function isBuiltin(name: string, names: readonly Node[] | undefined): boolean {
  const schema = names && names.length > 1 ? qualifiedName(names.slice(0, -1)) : 'pg_catalog';
  return schema === 'pg_catalog' && (name in NON_VOLATILE_BUILTINS || VOLATILE_BUILTINS.has(name));
}

function callName(call: NodeOf<'CallStmt'>['funccall']): string {
  return qualifiedName(call?.funcname);
}

/** RENAME: ACCESS EXCLUSIVE on the relation; an index only SHARE UPDATE EXCLUSIVE from PostgreSQL 12. Renaming other objects locks no table. */
function renameLocks(node: NodeOf<'RenameStmt'>, context: LintContext): PostgresqlLock[] {
  if (node.renameType === 'OBJECT_INDEX') return lockOn(node.relation, context.postgresqlVersion >= 12 ? 'SHARE UPDATE EXCLUSIVE' : ACCESS_EXCLUSIVE);
  const onRelation = RELATIONS.has(node.renameType ?? 'OBJECT_TYPE') || ['OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE'].includes(node.renameType ?? '');
  return onRelation ? lockOn(node.relation, ACCESS_EXCLUSIVE) : [];
}

/** ALTER DOMAIN ... ADD CONSTRAINT, SET NOT NULL and VALIDATE check every column of the domain, under SHARE on their tables. */
function domainLocks(node: NodeOf<'AlterDomainStmt'>): PostgresqlLock[] {
  const added = node.subtype === 'C' ? node.def && 'Constraint' in node.def && !node.def.Constraint.skip_validation : false;
  if (!(added || node.subtype === 'N' || node.subtype === 'V')) return [];
  return [lockOnObject(`each table with a column of domain ${qualifiedName(node.typeName)}`, 'SHARE', 'scans', 'every such column is checked')];
}
