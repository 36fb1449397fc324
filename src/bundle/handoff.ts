import type { Dialect } from '../dialects/dialect.js';
import { BundleError } from '../errors.js';
import { BUILT_IN_TEMPLATES_DIR, renderCodeTemplate, templatePath } from '../output/templates.js';
import { projectRelativePath } from '../project-path.js';
import { RULES } from '../lint/rules/index.js';
import type { LockEntry } from '../lint/locks/lock-entry.js';
import type { Effect, Rule } from '../lint/types.js';
import type { Manifest, ManifestFinding, ManifestLint, ManifestRehearsal } from './manifest.js';
import { mermaidGraph } from './mermaid-graph.js';

export const HANDOFF_TEMPLATE = 'handoff.md.hbs';

const DIALECT_NAMES: Record<Dialect['id'], string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
  mssql: 'SQL Server',
};

/**
 * What `templates/handoff.md.hbs` is rendered with. This shape is a documented contract (see
 * the README's "Handoff summary template"): fields may be added, never renamed or removed.
 */
export interface HandoffContext {
  bundle: { name: string; format: string };
  generator: Manifest['generator'];
  dialect: { id: Dialect['id']; name: string; transactionalDdl: boolean; notes: string[] };
  from: string;
  to: string;
  ticket: string | null;
  /** True when the bundle holds exactly one revision (for plurals). */
  single: boolean;
  revisions: Array<{
    position: number;
    id: string;
    parents: string[];
    message: string;
    upgradeFile: string;
    downgradeFile: string;
    operations: string[];
    /** What the revision changes in the schema, read from the rehearsal's snapshots; empty when not rehearsed. */
    schemaChanges: string[];
    /** The locks its upgrade file takes, in statement order; empty when the dialect has no lock model. */
    locks: HandoffLock[];
  }>;
  /** The per-revision rollback files in the order to run them. */
  rollbackOrder: string[];
  apply: { upgrade: string; downgrade: string };
  versionTable: string;
  transactionPerRevision: boolean;
  signed: boolean;
  lint: HandoffLint;
  /** The bundle's part of the revision graph: `mermaid` is a Mermaid `graph TD` diagram (no fence). */
  graph: { mermaid: string };
  rehearsal: HandoffRehearsal;
  /** Whether the revisions' `locks` were read (the dialect has a lock model), and for which PostgreSQL version (null for other dialects). */
  locks: { covered: boolean; postgresqlVersion: number | null };
}

/** A lock a statement of a revision takes (see lint/locks/lock-entry.ts), every field present. */
export interface HandoffLock {
  /** The statement's line in the revision's upgrade file. */
  line: number;
  statement: string;
  object: string;
  mode: string;
  blocks: LockEntry['blocks'];
  effect: LockEntry['effect'];
  note: string | null;
}

/** The manifest's rehearsal record, every field present (null when unset), with flags a template can test. */
export interface HandoffRehearsal {
  status: ManifestRehearsal['status'];
  engine: string | null;
  seed: ManifestRehearsal['seed'] | null;
  detail: string | null;
  failureAllowed: boolean;
  passed: boolean;
  failed: boolean;
  /** Skipped, unavailable or not rehearsable: no engine ran the whole bundle. */
  notRun: boolean;
  /** `schema.sql` when the bundle has it (the schema after the bundle, from the engine's catalog). */
  schemaFile: string | null;
}

/** The manifest's lint findings, grouped by what the flagged statements do. */
export interface HandoffLint {
  counts: ManifestLint['counts'];
  errorsAllowed: boolean;
  /** No findings at all. */
  clean: boolean;
  /** In the order of {@link EFFECT_HEADINGS}; groups without findings are left out. */
  groups: Array<{ effect: string; heading: string; findings: ManifestLint['findings'] }>;
  /** Findings a revision's `lintDisable` silenced, each with that revision's source file. */
  suppressed: Array<ManifestFinding & { source: string }>;
}

/** A heading per effect, as a DBA asks it; findings of no rule (parse errors) come last. */
const EFFECT_HEADINGS: Record<Effect | 'unchecked', string> = {
  locks: 'What locks tables',
  rewrites: 'What rewrites tables',
  'destroys-data': 'What destroys data',
  'breaks-clients': 'What breaks clients still running the old code',
  fails: 'What may fail, or not do what it says',
  'weakens-integrity': 'What weakens integrity',
  unchecked: 'What no rule could check',
};

export interface HandoffInput {
  name: string;
  manifest: Manifest;
  dialect: Dialect;
  /** Per revision, in manifest order: the op calls its upgrade made (`createTable orders`). */
  operations: string[][];
  /** Per revision, in manifest order: what the graph diagram shows besides the manifest. */
  graphDetails: Array<{ dependsOn: readonly string[]; branchLabels: readonly string[] }>;
  versionTable: string;
  transactionPerRevision: boolean;
  signed: boolean;
  /** Per revision, in manifest order, what the rehearsal saw it change; absent when it did not pass. */
  schemaChanges?: string[][] | undefined;
  schemaFile?: string | undefined;
  /** Per revision, in manifest order, the locks its upgrade file takes; undefined when the dialect has no lock model. */
  locks?: LockEntry[][] | undefined;
  /** The PostgreSQL major version the locks are for. */
  postgresqlVersion: number;
}

export function handoffContext(input: HandoffInput): HandoffContext {
  const { manifest, dialect } = input;
  const revisions = manifest.revisions.map((revision, index) => ({
    position: revision.position,
    id: revision.id,
    parents: revision.parents,
    message: revision.message,
    upgradeFile: revision.upgrade.file,
    downgradeFile: revision.downgrade.file,
    operations: input.operations[index] ?? [],
    schemaChanges: input.schemaChanges?.[index] ?? [],
    locks: (input.locks?.[index] ?? []).map(handoffLock),
  }));
  const command = (file: string) => dialect.applyCommand.replace('<file>', file);
  return {
    bundle: { name: input.name, format: manifest.format },
    generator: manifest.generator,
    dialect: { id: dialect.id, name: DIALECT_NAMES[dialect.id], transactionalDdl: dialect.transactionalDdl, notes: dialect.notes },
    from: manifest.from,
    to: manifest.to,
    ticket: manifest.ticket ?? null,
    single: revisions.length === 1,
    revisions,
    rollbackOrder: revisions.map((revision) => revision.downgradeFile).reverse(),
    apply: { upgrade: command(manifest.scripts.upgrade.file), downgrade: command(manifest.scripts.downgrade.file) },
    versionTable: input.versionTable,
    transactionPerRevision: input.transactionPerRevision,
    signed: input.signed,
    lint: handoffLint(manifest),
    graph: {
      mermaid: mermaidGraph(
        manifest.revisions.map((revision, index) => ({ ...revision, dependsOn: input.graphDetails[index]?.dependsOn ?? [], branchLabels: input.graphDetails[index]?.branchLabels ?? [] })),
        manifest.to,
      ).join('\n'),
    },
    rehearsal: handoffRehearsal(manifest.rehearsal, input.schemaFile),
    locks: { covered: input.locks !== undefined, postgresqlVersion: dialect.id === 'postgresql' ? input.postgresqlVersion : null },
  };
}

function handoffLock(entry: LockEntry): HandoffLock {
  return { line: entry.location.line, statement: entry.statement, object: entry.object, mode: entry.mode, blocks: entry.blocks, effect: entry.effect, note: entry.note ?? null };
}

function handoffRehearsal(record: ManifestRehearsal, schemaFile: string | undefined): HandoffRehearsal {
  return {
    status: record.status,
    engine: record.engine ?? null,
    seed: record.seed ?? null,
    detail: record.detail ?? null,
    failureAllowed: record.failureAllowed,
    passed: record.status === 'passed', failed: record.status === 'failed', notRun: record.status !== 'passed' && record.status !== 'failed',
    schemaFile: schemaFile ?? null,
  };
}

function handoffLint({ lint, revisions }: Manifest): HandoffLint {
  const effectOf = (ruleId: string): Effect | 'unchecked' => (RULES as Record<string, Rule>)[ruleId]?.effect ?? 'unchecked';
  const groups = Object.entries(EFFECT_HEADINGS)
    .map(([effect, heading]) => ({ effect, heading, findings: lint.findings.filter((finding) => effectOf(finding.ruleId) === effect) }))
    .filter((group) => group.findings.length > 0);
  const sources = new Map(revisions.map((revision) => [revision.id, revision.source.file]));
  const suppressed = (lint.suppressed ?? []).map((finding) => ({ ...finding, source: sources.get(finding.revision)! }));
  return { counts: lint.counts, errorsAllowed: lint.errorsAllowed, clean: lint.findings.length === 0, groups, suppressed };
}

/** The bundle's README.md, from the project's own template if it has one, else sqlgen's. */
export function renderHandoff(context: HandoffContext, templatesDir: string, projectRoot: string): string {
  const file = templatePath(HANDOFF_TEMPLATE, templatesDir);
  try {
    return renderCodeTemplate(file, context);
  } catch (error) {
    const shown = file.startsWith(BUILT_IN_TEMPLATES_DIR) ? `templates/${HANDOFF_TEMPLATE} (built in)` : projectRelativePath(projectRoot, file);
    throw new BundleError('BUNDLE_INVALID', `${shown}: the handoff template failed: ${(error as Error).message.split('\n')[0]}`, 'fix the template; the fields it may use are listed in the README under "Handoff summary template"', { file: shown });
  }
}
