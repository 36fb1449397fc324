/**
 * Applies many scripts in one psql run, each case in a schema of its own, and reads back what
 * the differential test compares: the `r_*` tables and the version rows. One psql run per batch
 * instead of per script: a connection costs more than these scripts.
 *
 * psql runs without ON_ERROR_STOP here, so one failing case does not stop the others; every
 * ERROR it prints names a line of the batch file, and that line names the case and the stage.
 */
import type { TestDatabase, PostgresSession } from '../harness.js';

/** What a database holds after a case: which revisions are applied and the version rows. */
export interface DbState {
  /** Revision ids from the `r_<id>` tables, sorted. */
  applied: string[];
  /** Sorted `version_num` values; `null` when there is no version table. */
  versionRows: string[] | null;
  /** Any other table: there should be none. */
  otherTables: string[];
}

export type Stage = 'setup' | 'action';

export type Applied = { state: DbState } | { error: string; stage: Stage };

export interface BatchItem {
  /** A schema name, unique in the database: [a-z0-9_]. */
  schema: string;
  /** Scripts that bring the database to the start of the range (this tool's own). */
  setup: string[];
  action: string[];
}

const READ_STATE = `SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1;
SELECT to_regclass('sqlgen_version') IS NOT NULL AS has_version_table \\gset
\\if :has_version_table
SELECT 'row ' || version_num FROM sqlgen_version ORDER BY 1;
\\else
\\echo no-version-table
\\endif
`;

interface Section {
  item: number;
  stage: Stage;
  firstLine: number;
  lastLine: number;
}

/** Builds the batch file and remembers which lines belong to which case and stage. */
function batchScript(items: readonly BatchItem[]): { text: string; sections: Section[] } {
  const lines = ['\\set ON_ERROR_STOP 0', '\\pset format unaligned', '\\pset tuples_only on', 'SET client_min_messages TO error;'];
  const sections: Section[] = [];
  const stage = (item: number, name: Stage, scripts: readonly string[]) => {
    const firstLine = lines.length + 1;
    for (const script of scripts) lines.push(...script.split('\n'));
    sections.push({ item, stage: name, firstLine, lastLine: lines.length });
  };
  items.forEach((item, index) => {
    // A script that failed inside a transaction must not take the next case with it.
    lines.push('ROLLBACK;', `CREATE SCHEMA ${item.schema};`, `SET search_path TO ${item.schema};`);
    stage(index, 'setup', item.setup);
    stage(index, 'action', item.action);
    lines.push('ROLLBACK;', `\\echo @@state ${index}`, ...READ_STATE.trimEnd().split('\n'), `\\echo @@end ${index}`);
  });
  return { text: `${lines.join('\n')}\n`, sections };
}

function parseStates(stdout: string, count: number): (DbState | undefined)[] {
  const states: (DbState | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const match of stdout.matchAll(/^@@state (\d+)\n([\s\S]*?)^@@end \1$/gm)) {
    const lines = match[2]!.split('\n').filter((line) => line !== '');
    const tables = lines.filter((line) => line.startsWith('table ')).map((line) => line.slice(6));
    states[Number(match[1])] = {
      applied: tables.filter((table) => table.startsWith('r_')).map((table) => table.slice(2)).sort(),
      versionRows: lines.includes('no-version-table') ? null : lines.filter((line) => line.startsWith('row ')).map((line) => line.slice(4)),
      otherTables: tables.filter((table) => !table.startsWith('r_') && table !== 'sqlgen_version'),
    };
  }
  return states;
}

/** Applies every item in one psql run on `db`; the result per item, in order. */
export async function applyBatch(db: TestDatabase<PostgresSession>, items: readonly BatchItem[]): Promise<Applied[]> {
  if (items.length === 0) return [];
  const { text, sections } = batchScript(items);
  const result = await db.applyScript(text, { allowFailure: true, timeoutMs: 300_000 });
  const errors = new Map<number, { error: string; stage: Stage }>();
  for (const match of result.stderr.matchAll(/^psql:[^\n]*?:(\d+): ERROR:\s*(.*)$/gm)) {
    const line = Number(match[1]);
    const section = sections.find((s) => line >= s.firstLine && line <= s.lastLine);
    if (!section) throw new Error(`psql reported an error outside any script (line ${line}): ${match[2]}\n${result.stderr.slice(0, 2000)}`);
    if (!errors.has(section.item)) errors.set(section.item, { error: match[2]!, stage: section.stage });
  }
  const states = parseStates(result.stdout, items.length);
  return items.map((_, index) => {
    const error = errors.get(index);
    if (error) return error;
    const state = states[index];
    if (!state) throw new Error(`no state read back for ${items[index]!.schema}:\n${result.stderr.slice(0, 2000)}`);
    return { state };
  });
}

/** Drops the schemas of a finished batch (one statement). */
export async function dropSchemas(db: TestDatabase<PostgresSession>, schemas: readonly string[]): Promise<void> {
  if (schemas.length > 0) await db.applyScript(`DROP SCHEMA ${schemas.join(', ')} CASCADE;\n`);
}
