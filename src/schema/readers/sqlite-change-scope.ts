/**
 * What a SQLite script may have changed, told from its statements (SQLite's grammar is small
 * enough to read the few forms sqlgen and knex write from tokens), so that a snapshot after it
 * need re-read only those tables (see readSqliteSnapshotAfter). A statement of any other form
 * (a trigger, WITH, ATTACH, VACUUM, an unknown PRAGMA...) means "read everything".
 */
import { SQLITE_GUARD_TRIGGER } from '../../dialects/guards/sqlite.js';
import { tokenize, unquoteName, type Token } from './sqlite.js';

export interface SqliteChangeScope {
  /** Tables the statements create, change, fill or drop: lowercased, as SQLite compares names. */
  tables: ReadonlySet<string>;
  /** Indexes they drop (their table is read again). */
  indexes: ReadonlySet<string>;
}

/** PRAGMAs that change no schema and no rows. */
const QUIET_PRAGMAS = new Set(['foreign_keys', 'defer_foreign_keys', 'foreign_key_check', 'legacy_alter_table']);
const TRANSACTION_WORDS = new Set(['BEGIN', 'COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE']);

/**
 * The scope of `statements`, or undefined when one of them may change what it does not name.
 *
 * @example
 * sqliteChangeScope(['ALTER TABLE "Orders" ADD COLUMN note text']) // { tables: Set { 'orders' }, indexes: Set {} }
 * sqliteChangeScope(['CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END']) // undefined
 */
export function sqliteChangeScope(statements: readonly string[]): SqliteChangeScope | undefined {
  const scope = { tables: new Set<string>(), indexes: new Set<string>() };
  for (const sql of statements) {
    const tokens = tokenize(sql);
    if (isGuardTrigger(tokens)) continue;
    const named = namedBy(new Reader(tokens));
    if (!named) return undefined;
    for (const table of named.tables) scope.tables.add(table);
    for (const index of named.indexes) scope.indexes.add(index);
  }
  return scope;
}

/** Token texts without the statement's own terminating `;` (the splitter leaves it out, SQLite's text keeps it). */
function withoutTerminator(tokens: readonly Token[]): string {
  const texts = tokens.map((token) => token.text);
  return (texts.at(-1) === ';' ? texts.slice(0, -1) : texts).join(' ');
}

const GUARD_TRIGGER = withoutTerminator(tokenize(SQLITE_GUARD_TRIGGER));

/** sqlgen's guard trigger, token for token: the text SQLite keeps of a statement may carry the comments before it. */
function isGuardTrigger(tokens: readonly Token[]): boolean {
  return withoutTerminator(tokens) === GUARD_TRIGGER;
}

/** Reads a statement's tokens from the front. */
class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Takes the next token if it is one of `words` (keywords, any case). */
  word(...words: string[]): string | undefined {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' || !words.includes(token.text.toUpperCase())) return undefined;
    this.at++;
    return token.text.toUpperCase();
  }

  /** Skips `IF [NOT] EXISTS`. */
  ifExists(): void {
    if (this.word('IF')) {
      this.word('NOT');
      this.word('EXISTS');
    }
  }

  /** A `[schema.]name`: the lowercased name in `main`, null in `temp`, undefined for anything else. */
  name(): string | null | undefined {
    const first = this.nameToken();
    if (first === undefined) return undefined;
    if (this.tokens[this.at]?.text !== '.') return first.toLowerCase();
    this.at++;
    const second = this.nameToken();
    const schema = first.toLowerCase();
    if (second === undefined || (schema !== 'main' && schema !== 'temp')) return undefined;
    return schema === 'main' ? second.toLowerCase() : null;
  }

  private nameToken(): string | undefined {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' && token?.kind !== 'name') return undefined;
    this.at++;
    return unquoteName(token.text);
  }
}

interface Named {
  tables: string[];
  indexes: string[];
}

const NOTHING: Named = { tables: [], indexes: [] };

function namedBy(read: Reader): Named | undefined {
  const verb = read.word('CREATE', 'DROP', 'ALTER', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'SELECT', 'VALUES', 'PRAGMA', ...TRANSACTION_WORDS);
  switch (verb) {
    case undefined:
      return undefined;
    case 'CREATE':
      return created(read);
    case 'DROP':
      return dropped(read);
    case 'ALTER':
      return read.word('TABLE') ? altered(read) : undefined;
    case 'INSERT':
    case 'REPLACE':
    case 'UPDATE':
      if (read.word('OR')) read.word('ROLLBACK', 'ABORT', 'REPLACE', 'FAIL', 'IGNORE');
      read.word('INTO');
      return tables(read.name());
    case 'DELETE':
      return read.word('FROM') ? tables(read.name()) : undefined;
    case 'PRAGMA': {
      const pragma = read.name();
      return pragma && QUIET_PRAGMAS.has(pragma) ? NOTHING : undefined;
    }
    default:
      // SELECT and VALUES read (SQLite's functions cannot write); transaction control changes nothing.
      return NOTHING;
  }
}

function created(read: Reader): Named | undefined {
  const temporary = read.word('TEMP', 'TEMPORARY') !== undefined;
  read.word('UNIQUE');
  const kind = read.word('TABLE', 'INDEX', 'VIEW');
  read.ifExists();
  const name = read.name();
  if (kind === 'TABLE') return temporary ? NOTHING : tables(name);
  if (kind === 'INDEX') return name !== undefined && read.word('ON') ? tables(read.name()) : undefined;
  // Views are read again at every snapshot.
  return kind === 'VIEW' ? NOTHING : undefined;
}

/** `ALTER TABLE a RENAME TO b` names both (b qualified as a was). */
function altered(read: Reader): Named | undefined {
  const table = tables(read.name());
  if (!table || !read.word('RENAME') || !read.word('TO')) return table;
  const renamed = read.name();
  return renamed === undefined ? undefined : { tables: [...table.tables, ...(renamed === null ? [] : [renamed])], indexes: [] };
}

function dropped(read: Reader): Named | undefined {
  const kind = read.word('TABLE', 'INDEX', 'VIEW');
  read.ifExists();
  const name = read.name();
  if (kind === 'TABLE') return tables(name);
  if (kind === 'INDEX') return name === undefined ? undefined : { tables: [], indexes: name === null ? [] : [name] };
  return kind === 'VIEW' ? NOTHING : undefined;
}

/** A table in `main` is named; one in `temp` changes nothing the snapshot holds. */
function tables(name: string | null | undefined): Named | undefined {
  if (name === undefined) return undefined;
  return name === null ? NOTHING : { tables: [name], indexes: [] };
}
