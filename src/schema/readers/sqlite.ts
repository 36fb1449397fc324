/**
 * The SQLite catalog reader: a {@link Snapshot} of the `main` schema, from `sqlite_schema` and
 * the table-valued pragmas, in two queries (the catalog, then the rows). Only SQL goes through
 * the {@link CatalogSource}, so sql.js and the sqlite3 command-line client read alike.
 *
 * The pragmas leave out what only the CREATE text says (CHECK constraints, generated column
 * expressions, collations, AUTOINCREMENT, WITHOUT ROWID, STRICT, index expressions and WHERE):
 * that is read from the text with a small tokenizer and written back in one canonical spelling,
 * because a rebuilt table or one grown by ADD COLUMN has a different text for the same table.
 */
import { createHash } from 'node:crypto';
import { sqlPieces } from '../../compile/inline-bindings.js';
import { SQLITE_SYNTAX } from '../../dialects/literals/sqlite.js';
import type { NamedDefinition, Snapshot, SnapshotColumn, SnapshotConstraint, SnapshotIndex, SnapshotRows, SnapshotTable, SnapshotView } from '../snapshot.js';
import type { CatalogSource, VersionTableName } from './catalog-source.js';
import type { SqliteChangeScope } from './sqlite-change-scope.js';

/**
 * Reads the `main` schema of a SQLite database: tables (the version table and `sqlite_*` aside),
 * their columns, constraints, indexes, triggers and rows, and the views. TEMP objects (sqlgen's
 * guards) live in `temp` and never appear.
 *
 * @example
 * const snapshot = await readSqliteSnapshot(sqlJsSource(db), { name: 'sqlgen_version' });
 */
export async function readSqliteSnapshot(source: CatalogSource, versionTable: VersionTableName): Promise<Snapshot> {
  const catalog = (await source.json(catalogQuery(USER_TABLES, versionTable.name))) as Catalog;
  const { tables, versions } = await readTables(source, catalog, versionTable);
  return {
    dialect: 'sqlite',
    schemas: [],
    extensions: [],
    enums: [],
    domains: [],
    sequences: [],
    tables: resolveImplicitReferences(tables, tables).sort(byName),
    views: viewsOf(catalog),
    functions: [],
    comments: [],
    versions,
  };
}

/**
 * The snapshot after a script of `scope`, given the one before it: the scope's tables, the
 * tables with a foreign key to them (a rename rewrites their text; ON DELETE actions reach
 * their rows, and so on down the cascade), the views and the version rows are read again, the
 * rest is taken from `previous`. Reads everything where a trigger exists, TEMP ones included
 * (it may write anywhere), sqlgen's guard aside (it fires only on its own TEMP table).
 */
export async function readSqliteSnapshotAfter(source: CatalogSource, versionTable: VersionTableName, previous: Snapshot, scope: SqliteChangeScope): Promise<Snapshot> {
  const named = withReferringTables(previous, withIndexTables(previous, scope));
  const list = [...named].map(sqlString).join(', ');
  const catalog = (await source.json(catalogQuery(`${USER_TABLES} AND lower(s.name) IN (${list})`, versionTable.name))) as Catalog;
  if (catalog.tempTriggers || catalog.others.some((object) => object.type === 'trigger')) return readSqliteSnapshot(source, versionTable);
  const { tables, versions } = await readTables(source, catalog, versionTable);
  const replaced = new Set([...named, ...tables.map((table) => table.name.toLowerCase())]);
  const kept = previous.tables.filter((table) => !replaced.has(table.name.toLowerCase()));
  return { ...previous, tables: [...kept, ...resolveImplicitReferences(tables, [...kept, ...tables])].sort(byName), views: viewsOf(catalog), versions };
}

/** The scope's tables, lowercased, with the tables of the indexes it names. */
function withIndexTables(previous: Snapshot, scope: SqliteChangeScope): Set<string> {
  const named = new Set(scope.tables);
  for (const table of previous.tables) if (table.indexes.some((index) => scope.indexes.has(index.name.toLowerCase()))) named.add(table.name.toLowerCase());
  return named;
}

/** Adds every table with a foreign key to a named one, and, repeatedly, those a cascading key reaches. */
function withReferringTables(previous: Snapshot, named: Set<string>): Set<string> {
  const direct = previous.tables.filter((table) => references.get(table)?.some((key) => named.has(key.target)));
  const all = new Set([...named, ...direct.map((table) => table.name.toLowerCase())]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const table of previous.tables) {
      const name = table.name.toLowerCase();
      if (all.has(name) || !references.get(table)?.some((key) => key.cascades && all.has(key.target))) continue;
      all.add(name);
      grown = true;
    }
  }
  return all;
}

/** Each table's foreign keys as a scoped read needs them: lowercased target, and whether an action changes rows. */
const references = new WeakMap<SnapshotTable, Array<{ target: string; cascades: boolean }>>();

/** The catalog's tables (the version table aside) with their rows, and the version rows. */
async function readTables(source: CatalogSource, catalog: Catalog, versionTable: VersionTableName): Promise<{ tables: SnapshotTable[]; versions: string[] | null }> {
  const isVersionTable = (name: string): boolean => name.toLowerCase() === versionTable.name.toLowerCase();
  const shapes = catalog.tables.filter((table) => !isVersionTable(table.name)).map((table) => tableShape(table, catalog));
  const contents = await readContents(source, shapes, catalog.hasVersionTable ? versionTable.name : null);
  return { tables: shapes.map((shape) => finishTable(shape, catalog, contents.rows.get(shape.name) ?? [])), versions: contents.versions };
}

function viewsOf(catalog: Catalog): SnapshotView[] {
  return catalog.others.filter((object) => object.type === 'view').map(viewOf).sort(byName);
}

interface CatalogObject {
  type: 'table' | 'view' | 'trigger';
  name: string;
  table: string;
  sql: string;
}

interface CatalogColumn {
  table: string;
  name: string;
  type: string;
  notnull: number;
  default: string | null;
  pk: number;
  hidden: number;
}

interface CatalogIndex {
  table: string;
  name: string;
  unique: number;
  origin: 'c' | 'u' | 'pk';
  sql: string | null;
  columns: Array<{ seqno: number; cid: number; name: string | null; desc: number; coll: string }>;
}

interface CatalogForeignKey {
  table: string;
  id: number;
  seq: number;
  target: string;
  from: string;
  to: string | null;
  onUpdate: string;
  onDelete: string;
  match: string;
}

interface Catalog {
  tables: CatalogObject[];
  others: CatalogObject[];
  columns: CatalogColumn[];
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
  hasVersionTable: number;
  /** Temporary triggers other than sqlgen's guard (which fires only on its own TEMP table). */
  tempTriggers: number;
}

// `sqlite\_%`: in LIKE an underscore matches any character. The pragmas take 'main' as their
// schema argument, so a TEMP table of the same name cannot stand in for a main one. Each nested
// array goes through json(): SQLite 3.40 keeps a subquery's JSON subtype, newer versions drop it.
const USER_TABLES = "s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
/** The catalog of the tables `tables` selects (a condition on `s.name`), and every view and trigger. */
function catalogQuery(tables: string, versionTable: string): string {
  return `SELECT json_object(
  'tables', json((SELECT json_group_array(json_object('type', s.type, 'name', s.name, 'table', s.tbl_name, 'sql', s.sql))
    FROM main.sqlite_schema AS s WHERE ${tables})),
  'others', json((SELECT json_group_array(json_object('type', s.type, 'name', s.name, 'table', s.tbl_name, 'sql', s.sql))
    FROM main.sqlite_schema AS s WHERE s.type IN ('view', 'trigger'))),
  'columns', json((SELECT json_group_array(json_object('table', s.name, 'name', c.name, 'type', c.type, 'notnull', c."notnull",
      'default', c.dflt_value, 'pk', c.pk, 'hidden', c.hidden))
    FROM main.sqlite_schema AS s, pragma_table_xinfo(s.name, 'main') AS c WHERE ${tables})),
  'indexes', json((SELECT json_group_array(json_object('table', s.name, 'name', i.name, 'unique', i."unique", 'origin', i.origin,
      'sql', (SELECT x.sql FROM main.sqlite_schema AS x WHERE x.type = 'index' AND x.name = i.name),
      'columns', json((SELECT json_group_array(json_object('seqno', k.seqno, 'cid', k.cid, 'name', k.name, 'desc', k."desc", 'coll', k.coll))
        FROM pragma_index_xinfo(i.name, 'main') AS k WHERE k."key"))))
    FROM main.sqlite_schema AS s, pragma_index_list(s.name, 'main') AS i WHERE ${tables})),
  'foreignKeys', json((SELECT json_group_array(json_object('table', s.name, 'id', f.id, 'seq', f.seq, 'target', f."table", 'from', f."from",
      'to', f."to", 'onUpdate', f.on_update, 'onDelete', f.on_delete, 'match', f."match"))
    FROM main.sqlite_schema AS s, pragma_foreign_key_list(s.name, 'main') AS f WHERE ${tables})),
  'hasVersionTable', EXISTS (SELECT 1 FROM main.sqlite_schema AS s WHERE ${USER_TABLES} AND lower(s.name) = lower(${sqlString(versionTable)})),
  'tempTriggers', EXISTS (SELECT 1 FROM temp.sqlite_schema AS s WHERE s.type = 'trigger' AND NOT (s.name = 'sqlgen_guard_check' AND s.tbl_name = 'sqlgen_guard'))
)`;
}

/** A table as the catalog and its CREATE text describe it, before its rows are read. */
interface TableShape {
  name: string;
  kind: string;
  columns: SnapshotColumn[];
  constraints: SnapshotConstraint[];
  /** Columns a rollback and re-upgrade may fill differently: left out of the row digest. */
  assignedColumns: Set<string>;
}

function tableShape(table: CatalogObject, catalog: Catalog): TableShape {
  const text = parseCreateTable(table.sql);
  const columns = catalog.columns.filter((column) => column.table === table.name);
  const primaryKey = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
  const onlyKey = primaryKey.length === 1 ? primaryKey[0] : undefined;
  const rowidAlias = !text.withoutRowid && onlyKey?.type.toUpperCase() === 'INTEGER' ? onlyKey.name : null;
  const assigned = columns.filter((column) => column.name === rowidAlias || column.hidden >= 2 || (column.default !== null && !isConstantDefault(canonicalSql(column.default))));
  return {
    name: table.name,
    kind: [text.strict ? 'strict table' : 'table', text.withoutRowid ? 'without rowid' : ''].join(' ').trim(),
    columns: columns.map((column) => columnOf(column, text.columns.get(column.name.toLowerCase()))),
    constraints: [
      ...(primaryKey.length > 0 ? [{ name: 'primary key', definition: primaryKeyDefinition(primaryKey.map((column) => column.name), text.autoincrement) }] : []),
      ...foreignKeysOf(table.name, catalog.foreignKeys),
      ...text.checks,
    ].sort(byName),
    assignedColumns: new Set(assigned.map((column) => column.name)),
  };
}

function finishTable(shape: TableShape, catalog: Catalog, rowTexts: string[]): SnapshotTable {
  const table: SnapshotTable = {
    name: shape.name,
    kind: shape.kind,
    columns: shape.columns,
    constraints: shape.constraints,
    indexes: catalog.indexes.filter((index) => index.table === shape.name && index.origin !== 'pk').map(indexOf).sort(byName),
    triggers: catalog.others.filter((object) => object.type === 'trigger' && object.table === shape.name).map(triggerOf).sort(byName),
    comment: null,
    rows: rowsOf(rowTexts),
  };
  const keys = catalog.foreignKeys.filter((key) => key.table === shape.name);
  references.set(table, keys.map((key) => ({ target: key.target.toLowerCase(), cascades: [key.onDelete, key.onUpdate].some((action) => action !== DEFAULT_ACTION && action !== 'RESTRICT') })));
  return table;
}

function columnOf(column: CatalogColumn, text: ColumnText | undefined): SnapshotColumn {
  return {
    name: column.name,
    type: canonicalType(column.type),
    nullable: column.notnull === 0,
    default: column.default === null ? null : canonicalSql(column.default),
    collation: text?.collation && text.collation !== 'BINARY' ? text.collation : null,
    identity: null,
    generated: column.hidden >= 2 ? generatedClause(column.hidden, text?.generated ?? null) : null,
    comment: null,
  };
}

/** `(quantity * price) STORED`: pragma_table_xinfo says hidden 2 for VIRTUAL, 3 for STORED; only the text has the expression. */
function generatedClause(hidden: number, expression: string | null): string {
  const storage = hidden === 3 ? 'STORED' : 'VIRTUAL';
  return expression === null ? storage : `(${expression}) ${storage}`;
}

/**
 * Types are case-insensitive in SQLite (affinity and STRICT types alike), so they are spelled in
 * lower case, as knex writes them and PostgreSQL reports them, without spaces inside parentheses:
 * `VARCHAR( 10 )` is `varchar(10)`.
 */
function canonicalType(type: string): string {
  return type.toLowerCase().replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();
}

/** `PRIMARY KEY (id) AUTOINCREMENT`: AUTOINCREMENT changes which ids a rowid table hands out. */
function primaryKeyDefinition(columns: string[], autoincrement: boolean): string {
  return `PRIMARY KEY (${columns.map(sqliteName).join(', ')})${autoincrement ? ' AUTOINCREMENT' : ''}`;
}

const DEFAULT_ACTION = 'NO ACTION';

/**
 * SQLite does not report foreign key names, so each is named by its columns:
 * `foreign key (customer_id)`, with the target added when two share their columns.
 */
function foreignKeysOf(table: string, foreignKeys: CatalogForeignKey[]): SnapshotConstraint[] {
  const ids = [...new Set(foreignKeys.filter((key) => key.table === table).map((key) => key.id))];
  const constraints = ids.map((id) => {
    const parts = foreignKeys.filter((key) => key.table === table && key.id === id).sort((a, b) => a.seq - b.seq);
    return foreignKeyOf(parts as [CatalogForeignKey, ...CatalogForeignKey[]]);
  });
  return constraints.map(({ name, definition }) => ({
    name: constraints.filter((other) => other.name === name).length > 1 ? `${name} ${definition.slice(definition.indexOf('REFERENCES')).toLowerCase()}` : name,
    definition,
  }));
}

function foreignKeyOf(parts: [CatalogForeignKey, ...CatalogForeignKey[]]): SnapshotConstraint {
  const { target, onUpdate, onDelete, match } = parts[0];
  const from = parts.map((part) => sqliteName(part.from)).join(', ');
  const to = parts.every((part) => part.to !== null) ? ` (${parts.map((part) => sqliteName(part.to!)).join(', ')})` : '';
  const actions = [
    match !== 'NONE' ? ` MATCH ${match}` : '',
    onUpdate !== DEFAULT_ACTION ? ` ON UPDATE ${onUpdate}` : '',
    onDelete !== DEFAULT_ACTION ? ` ON DELETE ${onDelete}` : '',
  ].join('');
  return { name: `foreign key (${from})`, definition: `FOREIGN KEY (${from}) REFERENCES ${sqliteName(target)}${to}${actions}` };
}

/**
 * `REFERENCES customers` means the target's primary key: it is written out, so the snapshot is
 * the same whether the text named the columns or not.
 */
function resolveImplicitReferences(tables: SnapshotTable[], targets: readonly SnapshotTable[]): SnapshotTable[] {
  const primaryKeys = new Map(targets.map((table) => [table.name.toLowerCase(), table.constraints.find((constraint) => constraint.name === 'primary key')?.definition]));
  const implicit = /^(FOREIGN KEY \(.*?\) REFERENCES ("(?:[^"]|"")*"|[^\s"]+))(?=$| )(?! \()/;
  return tables.map((table) => keepReferences(table, {
    ...table,
    constraints: table.constraints.map((constraint) => {
      const found = implicit.exec(constraint.definition);
      const [head, target] = found ? [found[1]!, found[2]!] : ['', ''];
      const targetKey = found && primaryKeys.get(unquoteName(target).toLowerCase());
      if (!targetKey) return constraint;
      const columns = targetKey.slice('PRIMARY KEY '.length).replace(/ AUTOINCREMENT$/, '');
      return { ...constraint, definition: `${head} ${columns}${constraint.definition.slice(head.length)}` };
    }),
  }));
}

/** `resolved`, remembering the foreign keys `table` was read with. */
function keepReferences(table: SnapshotTable, resolved: SnapshotTable): SnapshotTable {
  const keys = references.get(table);
  if (keys) references.set(resolved, keys);
  return resolved;
}

/**
 * An index as `CREATE [UNIQUE] INDEX name ON table (terms) [WHERE ...]`. A UNIQUE constraint's
 * automatic index has a positional name (`sqlite_autoindex_t_2`), so it is named by its columns,
 * `unique (a, b)`, and its definition is the constraint's own text.
 */
function indexOf(index: CatalogIndex): SnapshotIndex {
  const text = index.sql === null ? null : parseCreateIndex(index.sql);
  const terms = index.columns
    .sort((a, b) => a.seqno - b.seqno)
    .map((column) => {
      const term = column.cid === -2 ? (text?.terms[column.seqno] ?? '?') : column.cid === -1 ? 'rowid' : sqliteName(column.name!);
      return `${term}${column.coll !== 'BINARY' ? ` COLLATE ${column.coll}` : ''}${column.desc ? ' DESC' : ''}`;
    });
  if (index.origin === 'u') {
    const name = `unique (${terms.join(', ')})`;
    return { name, definition: `UNIQUE (${terms.join(', ')})`, constraint: name };
  }
  const where = text?.where ? ` WHERE ${text.where}` : '';
  return { name: index.name, definition: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${sqliteName(index.name)} ON ${sqliteName(index.table)} (${terms.join(', ')})${where}`, constraint: null };
}

/**
 * Views and triggers in the canonical spelling: a table rebuild re-creates them from knex's
 * text (`CREATE VIEW ... as SELECT`), which differs from the original only in spelling.
 */
function viewOf(view: CatalogObject): SnapshotView {
  return { name: view.name, materialized: false, definition: canonicalSql(collapseWhitespace(view.sql)), comment: null };
}

function triggerOf(trigger: CatalogObject): NamedDefinition {
  return { name: trigger.name, definition: canonicalSql(collapseWhitespace(trigger.sql)) };
}

/** Orders named objects by name, code unit by code unit (no locale), as the snapshot lists them. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Contents {
  rows: Map<string, string[]>;
  versions: string[] | null;
}

// SQLite's compound SELECT holds at most 500 parts by default, and a function 127 arguments.
const TABLES_PER_QUERY = 200;
const COLUMNS_PER_OBJECT = 50;

/**
 * Each table's rows as JSON texts, and the version rows: one query per 200 tables. The texts are
 * made by SQLite (`'' || json_object(...)` drops the JSON subtype, so they arrive as strings).
 */
async function readContents(source: CatalogSource, tables: TableShape[], versionTable: string | null): Promise<Contents> {
  const chunks: TableShape[][] = [];
  for (let start = 0; start < tables.length; start += TABLES_PER_QUERY) chunks.push(tables.slice(start, start + TABLES_PER_QUERY));
  if (chunks.length === 0 && versionTable !== null) chunks.push([]);
  const contents: Contents = { rows: new Map(), versions: null };
  for (const [index, chunk] of chunks.entries()) {
    const withVersions = index === 0 ? versionTable : null;
    const result = (await source.json(contentsQuery(chunk, withVersions))) as { versions: unknown[] | null; tables: Array<{ name: string; rows: string[] }> };
    for (const table of result.tables) contents.rows.set(table.name, table.rows);
    if (withVersions !== null) contents.versions = (result.versions ?? []).map(String).sort();
  }
  return contents;
}

function contentsQuery(tables: TableShape[], versionTable: string | null): string {
  const versions = versionTable === null ? 'NULL' : `json((SELECT json_group_array(version_num) FROM main.${sqliteName(versionTable)}))`;
  const parts = tables.map((table) => `SELECT ${sqlString(table.name)} AS name, (SELECT json_group_array('' || ${rowObject(table)}) FROM main.${sqliteName(table.name)}) AS rows`);
  const tableRows = parts.length === 0 ? "'[]'" : `(SELECT json_group_array(json_object('name', name, 'rows', json(rows))) FROM (${parts.join(' UNION ALL ')}))`;
  return `SELECT json_object('versions', ${versions}, 'tables', json(${tableRows}))`;
}

/**
 * One row as a JSON object with its keys in name order, the assigned columns left out. REALs go
 * through printf('%!.15g'), BLOBs as hex, both tagged: SQLite 3.40 and newer versions print
 * REALs in JSON differently (`0.3` against `0.30000000000000004`), and JSON holds no BLOBs.
 */
function rowObject(table: TableShape): string {
  const names = table.columns.map((column) => column.name).filter((name) => !table.assignedColumns.has(name)).sort(compareBytes);
  const pairs = names.map((name) => {
    const value = sqliteName(name);
    return `${sqlString(name)}, CASE typeof(${value}) WHEN 'real' THEN json_array('real', printf('%!.15g', ${value})) WHEN 'blob' THEN json_array('blob', hex(${value})) ELSE ${value} END`;
  });
  if (pairs.length <= COLUMNS_PER_OBJECT) return `json_object(${pairs.join(', ')})`;
  const objects = [];
  for (let start = 0; start < pairs.length; start += COLUMNS_PER_OBJECT) objects.push(`json_object(${pairs.slice(start, start + COLUMNS_PER_OBJECT).join(', ')})`);
  return `json_array(${objects.join(', ')})`;
}

/** The count, and a sha256 of the row texts sorted bytewise, one a line (an empty table: the digest of nothing). */
function rowsOf(rowTexts: string[]): SnapshotRows {
  const hash = createHash('sha256');
  for (const text of [...rowTexts].sort(compareBytes)) hash.update(`${text}\n`);
  return { count: rowTexts.length, digest: hash.digest('hex') };
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// SQL text

/** SQLite's keywords (sqlite.org/lang_keywords.html): a name that is one must be quoted. */
const KEYWORDS = new Set(
  `ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK
  COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT
  DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER
  FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER
  INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL
  NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES
  REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN
  TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT`.split(/\s+/),
);

/**
 * A name as SQL: bare when it is a plain word that is not a keyword, else in double quotes.
 *
 * @example
 * sqliteName('email') // email
 * sqliteName('order') // "order"
 */
export function sqliteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toUpperCase()) ? name : `"${name.replaceAll('"', '""')}"`;
}

export function unquoteName(text: string): string {
  const open = text[0];
  if (open === '"' || open === '`') return text.slice(1, -1).replaceAll(open + open, open);
  if (open === '[') return text.slice(1, -1);
  return text;
}

/**
 * Whether a default is a constant (number, string, blob, NULL, TRUE/FALSE), which a re-upgrade
 * fills the same way; CURRENT_TIMESTAMP and function calls are not.
 */
export function isConstantDefault(text: string): boolean {
  const bare = text.replace(/^\((.*)\)$/s, '$1').trim();
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$|^[+-]?0x[0-9a-f]+$|^'(?:[^']|'')*'$|^x'[0-9a-f]*'$|^(?:null|true|false)$/i.test(bare);
}

/** The name an unnamed CHECK constraint gets: its own text, so it is stable wherever the CHECK stands. */
export function unnamedCheckName(expression: string): string {
  return `check (${expression})`;
}

export type TokenKind = 'word' | 'name' | 'string' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Whether whitespace or a comment came before it. */
  spaced: boolean;
}

const CODE_TOKEN = /(\s+)|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)|(0x[0-9a-f]+|(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)|(->>|->|<=|>=|<>|!=|==|\|\||<<|>>|.)/giy;

/** SQL text as tokens, comments dropped; `x'ab'` is one string token. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  for (const piece of sqlPieces(sql, SQLITE_SYNTAX)) {
    if (piece.kind !== 'code' && piece.kind !== 'text') {
      tokens.push({ kind: 'symbol', text: piece.text, spaced });
      spaced = false;
    } else if (piece.kind === 'text') {
      if (piece.text.startsWith('--') || piece.text.startsWith('/*')) {
        spaced = true;
        continue;
      }
      const previous = tokens.at(-1);
      if (piece.text.startsWith("'") && !spaced && previous?.kind === 'word' && /^x$/i.test(previous.text)) {
        previous.kind = 'string';
        previous.text = `X${piece.text}`;
      } else tokens.push({ kind: piece.text.startsWith("'") ? 'string' : 'name', text: piece.text, spaced });
      spaced = false;
    } else {
      for (const match of piece.text.matchAll(CODE_TOKEN)) {
        if (match[1]) spaced = true;
        else {
          tokens.push({ kind: match[2] ? 'word' : match[3] ? 'number' : 'symbol', text: match[0], spaced });
          spaced = false;
        }
      }
    }
  }
  return tokens;
}

const OPENS_EXPRESSION = new Set(['(', ',', '=', '==', '<', '>', '<=', '>=', '<>', '!=', '+', '-', '*', '/', '%', '||', '&', '|', '<<', '>>', '~']);

/**
 * Tokens in one canonical spelling: keywords in upper case, names bare unless they need quotes,
 * one space between tokens except inside parentheses, before commas, around dots, after a sign
 * and between a function name and its `(`.
 */
function renderCanonical(tokens: Token[]): string {
  let out = '';
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const text = token.kind === 'name' ? sqliteName(unquoteName(token.text)) : token.kind === 'word' && KEYWORDS.has(token.text.toUpperCase()) ? token.text.toUpperCase() : token.text;
    out += previous && needsSpace(previous, token, tokens[index - 2]) ? ` ${text}` : text;
  });
  return out;
}

function needsSpace(previous: Token, token: Token, beforePrevious: Token | undefined): boolean {
  if (previous.text === '(' || previous.text === '.' || token.text === ')' || token.text === ',' || token.text === '.' || token.text === ';') return false;
  if (token.text === '(') return !(isName(previous) && !KEYWORDS.has(previous.text.toUpperCase()));
  const sign = (previous.text === '-' || previous.text === '+') && (!beforePrevious || OPENS_EXPRESSION.has(beforePrevious.text) || isKeyword(beforePrevious));
  return !sign;
}

function isName(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'name';
}

function isKeyword(token: Token): boolean {
  return token.kind === 'word' && KEYWORDS.has(token.text.toUpperCase());
}

/** SQL text in the canonical spelling of {@link renderCanonical}. */
function canonicalSql(sql: string): string {
  return renderCanonical(tokenize(sql));
}

/** Runs of whitespace outside strings and quoted names become one space; comments go (a line comment cannot be joined to the next line). */
function collapseWhitespace(sql: string): string {
  const pieces = [...sqlPieces(sql, SQLITE_SYNTAX)].map((piece) => {
    if (piece.kind === 'code') return piece.text.replace(/\s+/g, ' ');
    return piece.text.startsWith('--') || piece.text.startsWith('/*') ? ' ' : piece.text;
  });
  return pieces.join('').replace(/ {2,}/g, ' ').trim();
}

/** The tokens from an opening parenthesis to its match, without either, and the index after the match. */
function parenthesized(tokens: Token[], open: number): { inner: Token[]; end: number } {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    const text = tokens[index]!.text;
    if (text === '(') depth++;
    else if (text === ')' && --depth === 0) return { inner: tokens.slice(open + 1, index), end: index + 1 };
  }
  return { inner: tokens.slice(open + 1), end: tokens.length };
}

/** Splits at the commas outside parentheses. */
function splitTopLevel(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (token.text === ',' && depth === 0) parts.push([]);
    else parts.at(-1)!.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.text.toUpperCase());
}

interface ColumnText {
  collation: string | null;
  generated: string | null;
}

interface TableText {
  columns: Map<string, ColumnText>;
  checks: SnapshotConstraint[];
  autoincrement: boolean;
  withoutRowid: boolean;
  strict: boolean;
}

const TABLE_CONSTRAINT_WORDS = ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'];

/** What only the CREATE TABLE text says: checks, collations, generated expressions, AUTOINCREMENT, table options. */
function parseCreateTable(sql: string): TableText {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((token) => token.text === '(');
  const text: TableText = { columns: new Map(), checks: [], autoincrement: false, withoutRowid: false, strict: false };
  if (open < 0) return text;
  const { inner, end } = parenthesized(tokens, open);
  const options = tokens.slice(end);
  text.withoutRowid = options.some((token) => isWord(token, 'ROWID'));
  text.strict = options.some((token) => isWord(token, 'STRICT'));
  text.autoincrement = inner.some((token) => isWord(token, 'AUTOINCREMENT'));
  const checks = new Map<string, SnapshotConstraint>();
  for (const item of splitTopLevel(inner)) {
    const isColumn = !isWord(item[0], ...TABLE_CONSTRAINT_WORDS);
    const clauses = itemClauses(isColumn ? item.slice(1) : item);
    for (const check of clauses.checks) checks.set(check.name, check);
    if (isColumn) text.columns.set(unquoteName(item[0]!.text).toLowerCase(), { collation: clauses.collation, generated: clauses.generated });
  }
  text.checks = [...checks.values()];
  return text;
}

interface ItemClauses extends ColumnText {
  checks: SnapshotConstraint[];
}

/** The CHECK, COLLATE and AS (...) clauses among one column definition's or table constraint's tokens. */
function itemClauses(tokens: Token[]): ItemClauses {
  const clauses: ItemClauses = { checks: [], collation: null, generated: null };
  let constraintName: string | null = null;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.text === '(') {
      index = parenthesized(tokens, index).end - 1;
    } else if (isWord(token, 'CONSTRAINT')) {
      constraintName = unquoteName(tokens[++index]?.text ?? '');
      continue;
    } else if (isWord(token, 'CHECK', 'AS') && tokens[index + 1]?.text === '(') {
      const { inner, end } = parenthesized(tokens, index + 1);
      const expression = renderCanonical(inner);
      if (isWord(token, 'AS')) clauses.generated = expression;
      else clauses.checks.push({ name: constraintName ?? unnamedCheckName(expression), definition: `CHECK (${expression})` });
      index = end - 1;
    } else if (isWord(token, 'COLLATE')) {
      clauses.collation = unquoteName(tokens[++index]?.text ?? '').toUpperCase();
    }
    constraintName = null;
  }
  return clauses;
}

interface IndexText {
  /** Each term's expression (without COLLATE and ASC/DESC), canonical. */
  terms: string[];
  where: string | null;
}

/** The terms and WHERE clause of a CREATE INDEX text. */
function parseCreateIndex(sql: string): IndexText {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((token) => token.text === '(');
  if (open < 0) return { terms: [], where: null };
  const { inner, end } = parenthesized(tokens, open);
  const terms = splitTopLevel(inner).map((term) => renderCanonical(withoutOrdering(term)));
  const rest = tokens.slice(end);
  return { terms, where: isWord(rest[0], 'WHERE') ? renderCanonical(rest.slice(1)) : null };
}

/** An index term without its trailing ASC/DESC and COLLATE name, which the pragma reports. */
function withoutOrdering(term: Token[]): Token[] {
  let end = term.length;
  if (isWord(term[end - 1], 'ASC', 'DESC')) end--;
  if (isWord(term[end - 2], 'COLLATE')) end -= 2;
  return term.slice(0, end);
}
