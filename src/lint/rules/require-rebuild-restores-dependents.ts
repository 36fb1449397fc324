import { isWord, nameKey, readName, skipAnyOf, skipWords, type QualifiedName } from '../keywords/shape.js';
import { createdTable, dropStatement, tableCopy } from '../keywords/statements.js';
import { renamedTables } from '../keywords/renames.js';
import { tokenize, type Token } from '../keywords/tokens.js';
import type { LintStatement, Rule, ScriptCheck, ScriptReport } from '../types.js';

/**
 * SQLite changes a table it cannot ALTER by rebuilding it: create the new table, copy the rows,
 * drop the old table, rename the new one. Dropping the old table drops its indexes and triggers
 * with it; and since SQLite 3.26 the rename checks every view and trigger of the schema, so one
 * that still names the dropped table makes it fail ("error in view v: no such table"), unless
 * PRAGMA legacy_alter_table is on. SQLite's own procedure (ALTER TABLE, "Making Other Kinds Of
 * Table Schema Changes") drops such views first and creates everything again after the rename.
 *
 * The script shows only the dependents it created itself; those are checked.
 */
export const requireRebuildRestoresDependents: Rule = {
  id: 'require-rebuild-restores-dependents',
  severity: 'error',
  effect: 'fails',
  description: 'A SQLite table rebuild (copy, DROP, RENAME) loses the indexes and triggers of the old table, and its RENAME fails while a view or trigger still names the table.',
  help: 'Drop the views (and other tables\' triggers) that name the table before the rebuild; after the RENAME, create its indexes, triggers and those views again.',
  checks: { sqlite: { checkScript: (statements) => rebuildReports(statements) } satisfies ScriptCheck },
};

/** An index, trigger or view the script created, and what it depends on. */
interface Dependent {
  kind: 'index' | 'trigger' | 'view';
  name: string;
  /** The table an index or trigger is on: dropped with it. */
  on?: string;
  /** Every name its text mentions, lower-cased: a view or trigger naming the table breaks the rename. */
  mentions: ReadonlySet<string>;
}

/** A rebuild in progress: the old table's dependents the DROP took, or that now name a missing table. */
interface Rebuild {
  table: string;
  dropped: number;
  lost: Dependent[];
}

function rebuildReports(statements: readonly LintStatement[]): ScriptReport[] {
  const live = new Map<string, Dependent>();
  const copies = new Map<string, string>();
  const created = new Set<string>();
  const rebuilds: Rebuild[] = [];
  const reports: ScriptReport[] = [];
  let legacyAlter = false;
  statements.forEach((statement, index) => {
    if (statement.transactionControl) return;
    const { sql } = statement;
    const tokens = tokenize(sql, 'sqlite').tokens;
    legacyAlter = legacyAlterSet(tokens) ?? legacyAlter;
    const table = createdTable(tokens, sql);
    if (table) created.add(nameKey(table));
    const dependent = createdDependent(tokens, sql);
    if (dependent) {
      live.set(dependent.name, dependent);
      for (const rebuild of rebuilds) rebuild.lost = rebuild.lost.filter((lost) => lost.name !== dependent.name);
    }
    const copy = tableCopy(tokens, sql);
    if (copy && created.has(nameKey(copy.target))) copies.set(nameKey(copy.target), nameKey(copy.source));
    const drop = dropStatement(tokens, sql);
    for (const name of drop?.names ?? []) {
      if (drop?.object !== 'TABLE') live.delete(nameKey(name));
      else if ([...copies.values()].includes(nameKey(name))) rebuilds.push(startRebuild(nameKey(name), index, live));
    }
    for (const rename of renamedTables(tokens, sql, 'sqlite')) {
      const rebuild = rebuilds.find((candidate) => candidate.table === rename.newName.toLowerCase() && copies.get(nameKey(rename.table)) === candidate.table);
      if (rebuild && !legacyAlter) reports.push(...renameReports(rebuild, live, index));
    }
  });
  return [...reports, ...rebuilds.flatMap(lostReports)];
}

/** At the DROP: the old table's own indexes and triggers go with it. */
function startRebuild(table: string, dropped: number, live: Map<string, Dependent>): Rebuild {
  const lost = [...live.values()].filter((dependent) => dependent.on === table);
  for (const dependent of lost) live.delete(dependent.name);
  return { table, dropped, lost };
}

/** At the RENAME: each view or trigger still naming the dropped table makes it fail. */
function renameReports(rebuild: Rebuild, live: ReadonlyMap<string, Dependent>, rename: number): ScriptReport[] {
  return [...live.values()]
    .filter((dependent) => dependent.kind !== 'index' && dependent.mentions.has(rebuild.table))
    .map((dependent) => ({
      statement: rename,
      message: `This RENAME fails: ${dependent.kind} ${dependent.name} still names ${rebuild.table}, which the rebuild dropped (SQLite checks every view and trigger when renaming). Drop it before the rebuild and create it again after.`,
    }));
}

/** What the DROP took and the script never created again. */
function lostReports(rebuild: Rebuild): ScriptReport[] {
  return rebuild.lost.map((dependent) => ({
    statement: rebuild.dropped,
    message: `Dropping ${rebuild.table} to rebuild it drops ${dependent.kind} ${dependent.name} with it, and the script does not create it again.`,
  }));
}

const CREATE_MODIFIERS: ReadonlySet<string> = new Set(['TEMP', 'TEMPORARY', 'UNIQUE']);
const DEPENDENT_KINDS: Readonly<Record<string, Dependent['kind']>> = { INDEX: 'index', TRIGGER: 'trigger', VIEW: 'view' };

/** `CREATE [UNIQUE] INDEX`, `CREATE [TEMP] TRIGGER ... ON t` or `CREATE [TEMP] VIEW`. */
function createdDependent(tokens: readonly Token[], sql: string): Dependent | undefined {
  if (!isWord(tokens[0], 'CREATE')) return undefined;
  const at = skipAnyOf(tokens, 1, CREATE_MODIFIERS);
  const kind = DEPENDENT_KINDS[tokens[at]?.text ?? ''];
  const name = kind && readName(tokens, skipWords(tokens, at + 1, 'IF', 'NOT', 'EXISTS'), sql);
  if (!kind || !name) return undefined;
  const on = kind === 'view' ? undefined : tableAfterOn(tokens, name.next, sql);
  const mentions = new Set(tokens.slice(name.next).filter((token) => token.kind === 'word' || token.kind === 'quoted-identifier').map((token) => token.text.toLowerCase()));
  return { kind, name: nameKey(name), ...(on && { on: nameKey(on) }), mentions };
}

/** The table after the first top-level `ON`: an index's or trigger's table. */
function tableAfterOn(tokens: readonly Token[], from: number, sql: string): QualifiedName | undefined {
  const on = tokens.findIndex((token, index) => index >= from && token.depth === 0 && isWord(token, 'ON'));
  return on === -1 ? undefined : readName(tokens, on + 1, sql);
}

/** `PRAGMA legacy_alter_table = ON|OFF|1|0|TRUE|FALSE`; undefined for any other statement. */
function legacyAlterSet(tokens: readonly Token[]): boolean | undefined {
  if (!isWord(tokens[0], 'PRAGMA') || !isWord(tokens[1], 'LEGACY_ALTER_TABLE') || tokens[2]?.text !== '=') return undefined;
  return ['ON', '1', 'TRUE', 'YES'].includes(tokens[3]?.text.toUpperCase() ?? '');
}
