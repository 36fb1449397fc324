import type { Node } from 'libpg-query';
import { postgresqlAst } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** PostgreSQL keeps names to NAMEDATALEN - 1 bytes and cuts longer ones with only a NOTICE. */
const MAX_NAME_BYTES = 63;

/** The fewest UTF-16 units a name of over 63 bytes takes: a character takes at most 3 bytes per unit. */
const LONG_NAME_UNITS = 22;

/** 22 characters between double quotes: a quoted name that may be over 63 bytes. */
const MAYBE_LONG_QUOTED = /"(?:[^"]|""){22}/;

/**
 * Whether the text holds what a name of over 63 bytes needs: a word of 22 UTF-16 units, or 22
 * characters between double quotes. Words are counted in a loop: a regular expression trying 22
 * characters at every position took 0.4 s of a 10 MB lint.
 */
export function mayHoldLongName(sql: string): boolean {
  let run = 0;
  for (let index = 0; index < sql.length; index += 1) {
    run = isWordUnit(sql.charCodeAt(index)) ? run + 1 : 0;
    if (run === LONG_NAME_UNITS) return true;
  }
  return sql.includes('"') && MAYBE_LONG_QUOTED.test(sql);
}

/** `[\w$\u0080-\uffff]`: a unit of an unquoted name, as the search for long names counts them. */
function isWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 0x80;
}

/**
 * A name longer than 63 bytes is cut short without an error: the object is not called what the
 * migration says, and two long names alike in their first 63 bytes are the same name.
 */
export const banLongIdentifier: Rule = {
  id: 'ban-long-identifier',
  severity: 'warning',
  effect: 'fails',
  description: 'A name longer than 63 bytes (tables, columns, constraints, indexes, views, types, functions, triggers) is silently cut to 63 by PostgreSQL.',
  help: 'Choose a name of at most 63 bytes (UTF-8); the clients and later migrations that name the object in full would otherwise miss it.',
  checks: {
    postgresql(statement) {
      // Most statements have no name that long: the text is scanned before the tree is walked.
      if (!mayHoldLongName(statement.sql)) return [];
      const long = identifiers(statement.sql).filter((token) => Buffer.byteLength(token.name, 'utf8') > MAX_NAME_BYTES);
      const node = long.length > 0 ? postgresqlAst(statement) : undefined;
      if (!node) return [];
      // The parser cuts names as the server does, at a character boundary: a defined name of
      // 60 to 63 bytes may be the cut of a longer one in the text.
      const cut = new Set(definedNames(node).filter((name) => Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES - 4));
      return long.flatMap((token) => tooLong(token, cut));
    },
  },
};

/** Identifier tokens with their offsets, unquoted ones folded to lower case as PostgreSQL folds them. */
function identifiers(sql: string): Array<{ name: string; offset: number }> {
  return [...sql.matchAll(/"((?:[^"]|"")*)"|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)|'(?:[^']|'')*'/g)]
    .filter((match) => match[1] !== undefined || match[2] !== undefined)
    .map((match) => ({ name: match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!.toLowerCase(), offset: match.index }));
}

function tooLong(token: { name: string; offset: number }, cut: ReadonlySet<string>): RuleReport[] {
  const bytes = Buffer.byteLength(token.name, 'utf8');
  const kept = clipped(token.name);
  if (!cut.has(kept)) return [];
  return [{ message: `"${token.name}" is ${bytes} bytes long: PostgreSQL cuts it to "${kept}", and any other name that starts the same way is the same name.`, offset: token.offset }];
}

/** The longest run of whole characters from the start that fits in 63 bytes, as PostgreSQL cuts a name. */
function clipped(name: string): string {
  let kept = '';
  for (const character of name) {
    if (Buffer.byteLength(kept + character, 'utf8') > MAX_NAME_BYTES) break;
    kept += character;
  }
  return kept;
}

type AstObject = Record<string, unknown>;

/** The names a statement gives to what it creates or renames (not the names it only refers to). */
function definedNames(node: Node): string[] {
  const [type, body] = Object.entries(node as AstObject)[0] as [string, AstObject];
  const own = STATEMENT_NAMES[type]?.(body);
  return [...(own ? [own] : []), ...partNames(body)].filter((name): name is string => typeof name === 'string');
}

const lastName = (names: unknown): unknown => (Array.isArray(names) ? (names.at(-1) as { String?: { sval?: string } } | undefined)?.String?.sval : undefined);
const relationName = (relation: unknown): unknown => (relation as { relname?: string } | undefined)?.relname;

/** Per statement type, the name of the object it creates or the new name it gives. */
const STATEMENT_NAMES: Record<string, (body: AstObject) => unknown> = {
  CreateStmt: (body) => relationName(body.relation),
  ViewStmt: (body) => relationName(body.view),
  CreateTableAsStmt: (body) => relationName((body.into as AstObject | undefined)?.rel),
  CreateSeqStmt: (body) => relationName(body.sequence),
  CompositeTypeStmt: (body) => relationName(body.typevar),
  CreateEnumStmt: (body) => lastName(body.typeName),
  CreateDomainStmt: (body) => lastName(body.domainname),
  CreateFunctionStmt: (body) => lastName(body.funcname),
  IndexStmt: (body) => body.idxname,
  RenameStmt: (body) => body.newname,
  CreateTrigStmt: (body) => body.trigname,
  CreateSchemaStmt: (body) => body.schemaname,
};

/** Column and constraint names anywhere in the statement (CREATE TABLE, ADD COLUMN, ADD CONSTRAINT). */
function partNames(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(partNames);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as AstObject;
  const own = [(object.ColumnDef as AstObject | undefined)?.colname, (object.Constraint as AstObject | undefined)?.conname];
  return [...own, ...Object.values(object).flatMap(partNames)];
}
