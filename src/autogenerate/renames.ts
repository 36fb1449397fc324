/**
 * Renames the user names with `--rename-table old=new` and `--rename table.old=new`: a catalog
 * diff sees a drop and an add (as Alembic's does), which would lose the data a rename keeps.
 */
import type { EmbeddedEngine } from '../engines/engine.js';
import { AutogenerateError } from '../errors.js';
import { quoteIdent, quoteQualified } from '../schema/ddl/postgresql.js';
import { sqliteName } from '../schema/readers/sqlite.js';
import type { Snapshot, SnapshotDialect } from '../schema/snapshot.js';
import { tsString as text } from './code-text.js';
import type { RenameHint, SchemaStep } from './schema-step.js';

/** `orders=purchases` (a table) or `orders.total=amount` (a column), as the flags take them. */
export function parseRenameHint(text: string, kind: 'table' | 'column'): RenameHint {
  const equals = text.indexOf('=');
  const [old, to] = [text.slice(0, equals), text.slice(equals + 1)];
  const dot = old.lastIndexOf('.');
  if (equals < 1 || to === '' || (kind === 'column' && dot < 1)) {
    const form = kind === 'table' ? '--rename-table old=new' : '--rename table.old=new';
    throw new AutogenerateError('BAD_RENAME', `cannot read the rename "${text}"`, `write it as ${form}`);
  }
  return kind === 'table' ? { table: old, to } : { table: old.slice(0, dot), column: old.slice(dot + 1), to };
}

/**
 * Head with the renames applied, read from the engine inside a transaction that is then rolled
 * back, so the engine stays at head. Each rename must name what head has and the declared schema
 * has instead.
 */
export async function applyRenames(engine: EmbeddedEngine, head: Snapshot, declared: Snapshot, renames: readonly RenameHint[]): Promise<Snapshot> {
  for (const hint of renames) checkHint(hint, head, declared, renames);
  const statements = renameSteps(renames, head.dialect, 'forward').flatMap((step) => step.sql);
  const outcome = await engine.apply(`BEGIN;\n${statements.map((sql) => `${sql};`).join('\n')}\n`, 'renames');
  if (!outcome.ok) throw new AutogenerateError('BAD_RENAME', `${engine.description} refused a rename: ${outcome.message}`, 'check the --rename and --rename-table hints');
  const renamed = await engine.snapshot({ fresh: true });
  await engine.apply('ROLLBACK;', 'renames');
  return renamed;
}

function checkHint(hint: RenameHint, head: Snapshot, declared: Snapshot, renames: readonly RenameHint[]): void {
  const tableIn = (snapshot: Snapshot, name: string) => snapshot.tables.find((table) => table.name === name);
  const flag = hint.column === undefined ? `--rename-table ${hint.table}=${hint.to}` : `--rename ${hint.table}.${hint.column}=${hint.to}`;
  const fail = (reason: string, fix: string) => {
    throw new AutogenerateError('BAD_RENAME', `${flag}: ${reason}`, fix);
  };
  if (hint.column === undefined) {
    if (!tableIn(head, hint.table)) fail(`head has no table ${hint.table}`, 'name a table as `sqlgen schema` shows it at head');
    if (!tableIn(declared, hint.to) || tableIn(head, hint.to)) fail(`the declared schema should have table ${hint.to} and head should not`, 'name the table as the declared schema names it');
    return;
  }
  // A column rename names its table as the declared schema does, after any table rename.
  const before = renames.find((other) => other.column === undefined && other.to === hint.table)?.table ?? hint.table;
  const old = tableIn(head, before);
  const next = tableIn(declared, hint.table);
  if (!old?.columns.some((column) => column.name === hint.column)) fail(`head has no column ${before}.${hint.column}`, 'name a column as `sqlgen schema` shows it at head');
  if (!next?.columns.some((column) => column.name === hint.to) || old!.columns.some((column) => column.name === hint.to)) fail(`the declared schema should have column ${hint.table}.${hint.to} and head should not`, 'name the column as the declared schema names it');
}

/** The rename steps: tables first, then columns (named by their new table) going forward; the reverse going back. */
export function renameSteps(renames: readonly RenameHint[], dialect: SnapshotDialect, direction: 'forward' | 'back'): SchemaStep[] {
  const name = dialect === 'postgresql' ? quoteIdent : sqliteName;
  const table = dialect === 'postgresql' ? quoteQualified : sqliteName;
  const bare = (qualified: string) => qualified.slice(qualified.indexOf('.') + 1);
  const tables = renames.filter((hint) => hint.column === undefined).map((hint): SchemaStep => {
    const [from, to] = direction === 'forward' ? [hint.table, hint.to] : [hint.to, hint.table];
    return { summary: `rename table ${from} to ${to}`, sql: [`ALTER TABLE ${table(from)} RENAME TO ${name(bare(to))}`], call: [`op.renameTable(${text(from)}, ${text(bare(to))});`] };
  });
  const columns = renames.filter((hint) => hint.column !== undefined).map((hint): SchemaStep => {
    const [from, to] = direction === 'forward' ? [hint.column!, hint.to] : [hint.to, hint.column!];
    return {
      summary: `rename column ${hint.table}.${from} to ${to}`,
      sql: [`ALTER TABLE ${table(hint.table)} RENAME COLUMN ${name(from)} TO ${name(to)}`],
      call: [`op.alterTable(${text(hint.table)}, (t) => {`, `  t.renameColumn(${text(from)}, ${text(to)});`, '});'],
    };
  });
  return direction === 'forward' ? [...tables, ...columns] : [...columns.reverse(), ...tables.reverse()];
}
