/**
 * The table and column renames of a statement, in each dialect's spelling: MySQL's
 * `RENAME TABLE a TO b` and `ALTER TABLE ... RENAME [TO|AS] b`, `RENAME COLUMN`, `CHANGE a b ...`;
 * SQLite's `ALTER TABLE ... RENAME TO b` and `RENAME [COLUMN] a TO b`; SQL Server's `sp_rename`.
 */
import { alterTable } from './alter-table.js';
import { isWord, readName, skipWords, type QualifiedName } from './shape.js';
import { spRename } from './sp-rename.js';
import type { KeywordDialectId, Token } from './tokens.js';

export interface TableRename {
  table: QualifiedName;
  newName: string;
}

export interface ColumnRename {
  table: QualifiedName;
  column: string;
  newName: string;
  /** UTF-16 offset into the statement of the old column name. */
  offset: number;
}

/**
 * The tables a statement renames.
 *
 * @example
 * renamedTables(tokenize('RENAME TABLE a TO b, c TO d', 'mysql').tokens, sql, 'mysql').map((r) => [r.table.parts, r.newName])
 * // [[['a'], 'b'], [['c'], 'd']]
 */
export function renamedTables(tokens: readonly Token[], sql: string, dialect: KeywordDialectId): TableRename[] {
  if (wordsAtStart(tokens, 'RENAME', 'TABLE')) return renameTableList(tokens, sql);
  const rename = dialect === 'mssql' ? spRename(tokens, sql) : undefined;
  if (rename) return rename.objectType === '' || rename.objectType === 'OBJECT' ? [{ table: rename.object, newName: rename.newName }] : [];
  const altered = alterTable(tokens, sql, dialect);
  if (!altered) return [];
  return altered.clauses.flatMap((clause) => {
    if (clause.verb !== 'RENAME' || clause.object !== '') return [];
    const target = readName(tokens, skipWords(tokens, skipWords(tokens, clause.start + 1, 'TO'), 'AS'), sql);
    // SQLite's `RENAME a TO b` renames a column.
    if (!target || isWord(tokens[target.next], 'TO')) return [];
    return [{ table: altered.table, newName: target.parts.join('.') }];
  });
}

/** The columns a statement renames. */
export function renamedColumns(tokens: readonly Token[], sql: string, dialect: KeywordDialectId): ColumnRename[] {
  const rename = dialect === 'mssql' ? spRename(tokens, sql) : undefined;
  if (rename?.objectType === 'COLUMN') {
    const { parts } = rename.object;
    return [{ table: { ...rename.object, parts: parts.slice(0, -1) }, column: parts.at(-1) ?? '', newName: rename.newName, offset: rename.object.offset }];
  }
  const altered = alterTable(tokens, sql, dialect);
  if (!altered) return [];
  return altered.clauses.flatMap((clause) => {
    const column = clause.verb === 'RENAME' || clause.verb === 'CHANGE' ? readName(tokens, clause.name, sql) : undefined;
    if (!column || (clause.object !== 'COLUMN' && clause.object !== '')) return [];
    const target = readName(tokens, clause.verb === 'RENAME' ? skipWords(tokens, column.next, 'TO') : column.next, sql);
    const renames = target !== undefined && (clause.verb === 'CHANGE' || isWord(tokens[column.next], 'TO'));
    const [from, to] = [column.parts.join('.'), target?.parts.join('.') ?? ''];
    return renames && from.toLowerCase() !== to.toLowerCase() ? [{ table: altered.table, column: from, newName: to, offset: column.offset }] : [];
  });
}

function wordsAtStart(tokens: readonly Token[], first: string, second: string): boolean {
  return isWord(tokens[0], first) && isWord(tokens[1], second);
}

/** MySQL's `RENAME TABLE a TO b, c TO d`. */
function renameTableList(tokens: readonly Token[], sql: string): TableRename[] {
  const renames: TableRename[] = [];
  let index = 2;
  for (;;) {
    const table = readName(tokens, index, sql);
    const target = table && isWord(tokens[table.next], 'TO') ? readName(tokens, table.next + 1, sql) : undefined;
    if (!table || !target) return renames;
    renames.push({ table, newName: target.parts.join('.') });
    if (tokens[target.next]?.text !== ',') return renames;
    index = target.next + 1;
  }
}
