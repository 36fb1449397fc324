/**
 * Drift between head and the declared schema, for `sqlgen check`: a schema.sql edited without
 * its revision, or a revision without the schema.sql edit, fails CI. Both sides are read through
 * the same embedded engine's catalog, so only real differences count; column order is reported
 * as information (ADD COLUMN always appends).
 */
import { readFileSync } from 'node:fs';
import { EMBEDDED_ENGINES } from '../engines/index.js';
import type { Finding, FindingKind } from '../lint/types.js';
import type { Project } from '../project.js';
import { escapeRegExp } from '../regexp.js';
import type { NamedDefinition } from '../schema/snapshot.js';
import type { SchemaChange } from '../schema/schema-diff.js';
import { columnOrderDifferences, declaredSource, declaredThenHead, structuralChanges } from './declared-schema.js';

export const DRIFT_FINDING_KINDS: readonly FindingKind[] = [
  {
    id: 'schema-drift',
    severity: 'error',
    description: 'Head (the revisions applied from base) differs from the declared schema (config `schema`, default schema.sql).',
    help: 'Run `sqlgen revision --autogenerate -m MSG` to write the revision, or correct the declared schema.',
  },
  {
    id: 'column-order',
    severity: 'info',
    description: 'A table has the declared columns in another order at head (ADD COLUMN appends); information, not drift.',
    help: 'Nothing to do, unless the column order matters to you: then recreate the table in a revision.',
  },
];

/** One finding per object that differs, pointing at the line of schema.sql that names it; none without a declared schema or an embedded engine. */
export async function schemaDriftFindings(project: Project): Promise<Finding[]> {
  if (!EMBEDDED_ENGINES[project.config.dialect]) return [];
  const source = await declaredSource(project);
  if (!source) return [];
  const { engine, declared } = await declaredThenHead(project, source, 'heads');
  const head = await engine.snapshot({ fresh: true }).finally(() => engine.close());
  const lines = readFileSync(project.config.schema, 'utf8').split('\n');
  const lineOf = (name: string) => {
    const named = new RegExp(`(?<![\\w$])"?${escapeRegExp(name)}"?(?![\\w$])`);
    const index = lines.findIndex((line) => named.test(line));
    return index < 0 ? 1 : index + 1;
  };
  const drift = withoutParts(structuralChanges(head, declared.snapshot), [...head.sequences, ...declared.snapshot.sequences]).map((change): Finding => ({
    ruleId: 'schema-drift',
    severity: 'error',
    message: driftMessage(change, declared.file),
    help: 'write the revision (`sqlgen revision --autogenerate -m MSG`) or correct the declared schema',
    location: { file: declared.file, line: lineOf(objectName(change)), column: 1 },
  }));
  const order = columnOrderDifferences(head, declared.snapshot).map((text): Finding => ({
    ruleId: 'column-order',
    severity: 'info',
    message: `column order differs at head: ${text}`,
    help: 'information only: ADD COLUMN appends, so a table that grew keeps its columns in the order they came',
    location: { file: declared.file, line: lineOf(text.slice(0, text.indexOf(':'))), column: 1 },
  }));
  return [...drift, ...order];
}

/**
 * A table that is missing or extra is one finding, not one per column, key and index it has;
 * a sequence a column of it owns goes with it too.
 */
function withoutParts(changes: readonly SchemaChange[], sequences: readonly NamedDefinition[]): SchemaChange[] {
  const whole = new Set(changes.filter((change) => change.kind === 'table' && change.change !== 'changed').map((change) => change.table));
  const owner = new Map(sequences.map((sequence) => [sequence.name, /OWNED BY (.+)\.[^.]+$/.exec(sequence.definition)?.[1]]));
  return changes.filter((change) => {
    if (change.kind === 'table') return true;
    if (change.kind === 'sequence') return !whole.has(owner.get(change.object.slice('sequence '.length)));
    return change.table === undefined || !whole.has(change.table);
  });
}

/** The diff runs from head to the declared schema: what it adds is declared but not at head. */
function driftMessage(change: SchemaChange, file: string): string {
  if (change.change === 'added') return `${change.object} is in ${file} but not at head`;
  if (change.change === 'dropped') return `${change.object} is at head but not in ${file}`;
  const fields = change.fields.map((field) => `${field.field} ${field.before ?? '(none)'} at head, ${field.after ?? '(none)'} in ${file}`).join('; ');
  return `${change.object} differs between head and ${file}: ${fields}`;
}

/** The last name of the object, as schema.sql would spell it: `customers.phone` → `phone` within its table. */
function objectName(change: SchemaChange): string {
  const name = change.object.slice(change.object.indexOf(' ') + 1).replace(/ on .*$/, '');
  return name.slice(name.lastIndexOf('.') + 1);
}
