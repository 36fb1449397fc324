/**
 * SQL Server renames tables and columns with a procedure, not a statement:
 * `EXEC sp_rename 'dbo.orders.note', 'memo', 'COLUMN'` (or with `@objname =`, `@newname =`,
 * `@objtype =`). This reads such a call.
 */
import { isWord, listItems, readName, type QualifiedName } from './shape.js';
import { tokenize, type Token } from './tokens.js';

export interface SpRename {
  /** The object renamed, its name read as T-SQL (`[dbo].[orders]` → `['dbo', 'orders']`); `offset` is the argument's, `next` is unset (-1). */
  object: QualifiedName;
  newName: string;
  /** `COLUMN`, `INDEX`, `OBJECT`...; empty when not given, which SQL Server reads as a table or other object. */
  objectType: string;
}

const PARAMETERS = ['@OBJNAME', '@NEWNAME', '@OBJTYPE'] as const;

/**
 * The arguments of an `EXEC sp_rename` call, or undefined for any other statement.
 *
 * @example
 * spRename(tokenize("EXEC sp_rename 'dbo.orders.note', 'memo', 'COLUMN'", 'mssql').tokens)
 * // { object: { parts: ['dbo', 'orders', 'note'], offset: 15, ... }, newName: 'memo', objectType: 'COLUMN' }
 */
export function spRename(tokens: readonly Token[], sql: string): SpRename | undefined {
  if (!isWord(tokens[0], 'EXEC') && !isWord(tokens[0], 'EXECUTE')) return undefined;
  const procedure = readName(tokens, 1, sql);
  if (procedure?.parts.at(-1)?.toLowerCase() !== 'sp_rename') return undefined;
  const values = new Map<string, Token>();
  listItems(tokens, { start: procedure.next, end: tokens.length }).forEach((item, position) => {
    const named = tokens[item.start]?.text.startsWith('@') && tokens[item.start + 1]?.text === '=';
    const value = tokens[named ? item.start + 2 : item.start];
    const parameter = named ? tokens[item.start]?.text : PARAMETERS[position];
    if (parameter && value) values.set(parameter, value);
  });
  const objectArgument = values.get('@OBJNAME');
  const objectName = objectArgument && argumentText(objectArgument, sql);
  const object = objectName && readName(tokenize(objectName, 'mssql').tokens, 0, objectName);
  if (!objectArgument || !object) return undefined;
  const newName = values.get('@NEWNAME');
  const objectType = values.get('@OBJTYPE');
  return {
    object: { parts: object.parts, offset: objectArgument.offset, next: -1 },
    newName: newName ? argumentText(newName, sql) : '',
    objectType: objectType ? argumentText(objectType, sql).toUpperCase() : '',
  };
}

/** A string argument's text; an unquoted one (`sp_rename orders, purchases`) as written. */
function argumentText(token: Token, sql: string): string {
  return token.kind === 'word' ? sql.slice(token.offset, token.end) : token.text;
}
