/**
 * What a PostgreSQL script may have changed, told from its statements, so that a snapshot after
 * it need re-read only those relations (see readPostgresqlSnapshotAfter). Only statements whose
 * effects stay within the relations they name are understood; anything else (a DO block other
 * than sqlgen's guard, CREATE FUNCTION, CREATE TYPE, a CASCADE...) means
 * "read everything". The reader widens the named set from the catalog: each named index or
 * sequence stands for its table, each view for its tables; after a rename, every table with a
 * foreign key to a named one (its constraint prints the name); and the tables a cascading
 * foreign key reaches (ON DELETE or ON UPDATE actions change their rows).
 */
import type { Node } from 'libpg-query';
import { isPostgresqlGuard } from '../../dialects/guards/postgresql.js';
import type { PostgresqlParser } from '../../lint/parse-postgresql.js';
import type { RelationName } from './postgresql-catalog.js';

export interface ChangeScope {
  /** Relations the statements name, by the name the snapshot gives them (`customers`, `audit.events`). */
  relations: ReadonlyMap<string, RelationName>;
  /** A statement creates a view or materialized view (the reader reads views again whenever there are any). */
  createsView: boolean;
  /** A statement renames a relation or column, which changes the text of foreign keys to it. */
  renames: boolean;
}

type AstObject = Record<string, unknown>;

/** Relation kinds a DROP, RENAME or COMMENT may name and stay within scope. */
const RELATION_OBJECTS = new Set(['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_MATVIEW']);
const RENAMES = new Set([...RELATION_OBJECTS, 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER']);

/** Statements that change at most the relations they name (given no user functions, rules or triggers of users' own). */
const CONFINED = new Set([
  'TransactionStmt',
  'VariableSetStmt',
  'VariableShowStmt',
  'CreateStmt',
  'AlterTableStmt',
  'IndexStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'TruncateStmt',
  'SelectStmt',
  'LockStmt',
  'CreateTableAsStmt',
  'ViewStmt',
  'RefreshMatViewStmt',
  'DropStmt',
  'RenameStmt',
  'CommentStmt',
]);

/**
 * The scope of `statements`, or undefined when one of them may change what it does not name.
 *
 * @example
 * changeScope(['ALTER TABLE audit.events ADD COLUMN at timestamptz'], parser)
 * // { relations: Map { 'audit.events' => { schema: 'audit', name: 'events' } }, createsView: false, renames: false }
 * changeScope(['CREATE FUNCTION f() ...'], parser) // undefined
 */
export function changeScope(statements: readonly string[], parser: PostgresqlParser): ChangeScope | undefined {
  const relations = new Map<string, RelationName>();
  let createsView = false;
  let renames = false;
  for (const parsed of parser.all(statements.filter((sql) => !isPostgresqlGuard(sql)))) {
    if (!('ast' in parsed)) return undefined;
    const statement = confinedStatement(parsed.ast);
    if (!statement) return undefined;
    for (const relation of statement.relations) relations.set(snapshotName(relation), relation);
    createsView ||= statement.createsView;
    renames ||= 'RenameStmt' in parsed.ast;
  }
  return { relations, createsView, renames };
}

/** The relations one statement names, or undefined when it is not understood as confined. */
function confinedStatement(ast: Node): { relations: RelationName[]; createsView: boolean } | undefined {
  const [type, body] = Object.entries(ast as AstObject)[0] as [string, AstObject];
  if (!CONFINED.has(type) || cascades(body)) return undefined;
  const rangeVars = rangeVarsIn(body);
  const objects = namedObjects(type, body);
  if (!objects) return undefined;
  const createsView = type === 'ViewStmt' || (type === 'CreateTableAsStmt' && body.objtype === 'OBJECT_MATVIEW');
  return { relations: [...rangeVars.map(relationOf), ...objects], createsView };
}

/** `DROP ... CASCADE` and its kin reach objects the statement does not name. */
function cascades(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(cascades);
  if (typeof node !== 'object' || node === null) return false;
  const object = node as AstObject;
  return object.behavior === 'DROP_CASCADE' || Object.values(object).some(cascades);
}

interface RangeVarNode {
  schemaname?: string;
  relname: string;
}

/** Every relation reference in a tree (a RangeVar is the one node with `relname` and `relpersistence`). */
function rangeVarsIn(node: unknown): RangeVarNode[] {
  if (Array.isArray(node)) return node.flatMap(rangeVarsIn);
  if (typeof node !== 'object' || node === null) return [];
  const object = node as AstObject;
  if (typeof object.relname === 'string' && 'relpersistence' in object) return [object as unknown as RangeVarNode];
  return Object.values(object).flatMap(rangeVarsIn);
}

/** An unqualified name is in `public`: the reader falls back to a full read under any other search path. */
function relationOf(rangeVar: RangeVarNode): RelationName {
  return { schema: rangeVar.schemaname ?? 'public', name: rangeVar.relname };
}

/** The name the snapshot gives a relation: unqualified in `public`. */
export function snapshotName({ schema, name }: RelationName): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}

/**
 * Names DROP, RENAME and COMMENT give as lists rather than relation references (and a rename's
 * new name), or undefined when the statement is about something other than a relation or its parts.
 */
function namedObjects(type: string, body: AstObject): RelationName[] | undefined {
  switch (type) {
    case 'AlterTableStmt':
      return RELATION_OBJECTS.has(body.objtype as string) ? [] : undefined;
    case 'DropStmt':
      return RELATION_OBJECTS.has(body.removeType as string) ? (body.objects as unknown[]).map((object) => listName(object, 0)) : undefined;
    case 'RenameStmt': {
      if (!RENAMES.has(body.renameType as string)) return undefined;
      const relation = body.relation as RangeVarNode;
      return RELATION_OBJECTS.has(body.renameType as string) ? [{ schema: relation.schemaname ?? 'public', name: body.newname as string }] : [];
    }
    case 'CommentStmt':
      if (body.objtype === 'OBJECT_COLUMN') return [listName(body.object, 1)];
      return RELATION_OBJECTS.has(body.objtype as string) ? [listName(body.object, 0)] : undefined;
    default:
      return [];
  }
}

/** A dotted name given as a list of strings, leaving out `trailing` parts (a column's name). */
function listName(object: unknown, trailing: number): RelationName {
  const items = (object as { List: { items: { String: { sval: string } }[] } }).List.items.map((item) => item.String.sval);
  const parts = items.slice(0, items.length - trailing);
  return { schema: parts.length > 1 ? parts.at(-2)! : 'public', name: parts.at(-1)! };
}
