/**
 * A SQLite snapshot as the DDL that builds it in an empty database. It is written from the
 * model, not from `sqlite_schema`'s own CREATE TABLE text: two snapshots the differ calls equal
 * then give the same bytes (column order aside), and a round trip through an engine proves the
 * model holds all it needs.
 */
import { byName, isConstantDefault, sqliteName, unnamedCheckName } from '../readers/sqlite.js';
import type { Snapshot, SnapshotColumn, SnapshotConstraint, SnapshotTable, SnapshotView } from '../snapshot.js';
import { escapeRegExp } from '../../regexp.js';

/**
 * The complete schema as deterministic DDL for `sqlite3 <database> < schema.sql`: tables (SQLite
 * does not check foreign key targets at CREATE time, so in name order), then indexes, views in
 * an order where each view follows those it reads, and triggers. The version rows are listed in
 * the header as a comment.
 *
 * @example
 * writeFileSync('schema.sql', sqliteSchemaDdl(await readSqliteSnapshot(source, { name: 'sqlgen_version' })));
 */
export function sqliteSchemaDdl(snapshot: Snapshot): string {
  const tables = [...snapshot.tables].sort(byName);
  const statements = [
    ...tables.map(createTable),
    ...tables.flatMap((table) => table.indexes.filter((index) => index.constraint === null).map((index) => `${index.definition};`)),
    ...viewsInDependencyOrder(snapshot.views).map((view) => `${view.definition};`),
    ...tables.flatMap((table) => [...table.triggers].sort(byName).map((trigger) => `${trigger.definition};`)),
  ];
  return `${header(snapshot.versions).join('\n')}\n\n${statements.join('\n\n')}\n`;
}

function header(versions: readonly string[] | null): string[] {
  const rows = versions === null ? 'no version table' : `version rows: [${versions.map((version) => version.replace(/\s+/g, ' ')).join(', ')}]`;
  return [
    '-- SQLite schema written by sqlgen from the catalog of a rehearsed database (structure only, no rows).',
    '-- Apply to an empty database with: sqlite3 <database> < <file>',
    `-- The rehearsed database had ${rows}.`,
  ];
}

const AUTOINCREMENT = ' AUTOINCREMENT';

export function createTable(table: SnapshotTable): string {
  const primaryKey = table.constraints.find((constraint) => constraint.name === 'primary key');
  // AUTOINCREMENT is only allowed on the column: `id integer PRIMARY KEY AUTOINCREMENT`.
  const autoincrementColumn = primaryKey?.definition.endsWith(AUTOINCREMENT) ? /^PRIMARY KEY \((.*)\)/.exec(primaryKey.definition)?.[1] : undefined;
  const lines = [
    ...table.columns.map((column) => columnDefinition(column, sqliteName(column.name) === autoincrementColumn)),
    ...(primaryKey && autoincrementColumn === undefined ? [primaryKey.definition] : []),
    ...table.indexes.filter((index) => index.constraint !== null).map((index) => index.definition),
    ...table.constraints.filter((constraint) => constraint.definition.startsWith('CHECK')).map(checkDefinition),
    ...table.constraints.filter((constraint) => constraint.definition.startsWith('FOREIGN KEY')).map((constraint) => constraint.definition),
  ];
  return `CREATE TABLE ${sqliteName(table.name)} (\n  ${lines.join(',\n  ')}\n)${tableOptions(table.kind)};`;
}

function columnDefinition(column: SnapshotColumn, autoincrement: boolean): string {
  return [
    sqliteName(column.name),
    column.type,
    column.nullable ? '' : 'NOT NULL',
    column.default === null ? '' : `DEFAULT ${defaultExpression(column.default)}`,
    column.collation === null ? '' : `COLLATE ${column.collation}`,
    column.generated === null ? '' : `GENERATED ALWAYS AS ${column.generated}`,
    autoincrement ? `PRIMARY KEY${AUTOINCREMENT}` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** A default that is not a literal or CURRENT_* keyword must be in parentheses. */
function defaultExpression(text: string): string {
  return isConstantDefault(text) || /^CURRENT_(?:DATE|TIME|TIMESTAMP)$/.test(text) ? text : `(${text})`;
}

/** An unnamed check stays unnamed, so reading the DDL back gives it the same synthesized name. */
function checkDefinition(check: SnapshotConstraint): string {
  const expression = check.definition.slice('CHECK ('.length, -1);
  return check.name === unnamedCheckName(expression) ? check.definition : `CONSTRAINT ${sqliteName(check.name)} ${check.definition}`;
}

/** `strict table without rowid` as the options after the closing parenthesis. */
function tableOptions(kind: string): string {
  const options = [kind.startsWith('strict') ? 'STRICT' : '', kind.endsWith('without rowid') ? 'WITHOUT ROWID' : ''].filter((option) => option !== '');
  return options.length === 0 ? '' : ` ${options.join(', ')}`;
}

/**
 * Views in name order, except that a view comes after the views its text names. SQLite does not
 * check a view's sources at CREATE time, but a reader of the file expects them in order.
 */
export function viewsInDependencyOrder(views: readonly SnapshotView[]): SnapshotView[] {
  const sorted = [...views].sort(byName);
  const ordered: SnapshotView[] = [];
  const visit = (view: SnapshotView, visiting: Set<string>): void => {
    if (ordered.includes(view) || visiting.has(view.name)) return;
    visiting.add(view.name);
    for (const source of sorted) if (source !== view && mentions(view.definition, source.name)) visit(source, visiting);
    ordered.push(view);
  };
  for (const view of sorted) visit(view, new Set());
  return ordered;
}

/** Whether `sql` names `name` as a whole word, bare or quoted (a mention in a string only moves the view later). */
export function mentions(sql: string, name: string): boolean {
  const escaped = escapeRegExp(name);
  return new RegExp(`(?:^|[^\\w$])["\`[]?${escaped}["\`\\]]?(?:$|[^\\w$])`, 'i').test(sql);
}
