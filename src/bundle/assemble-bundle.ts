import path from 'node:path';
import { renderSettings } from '../compile/project-scripts.js';
import { renderDowngrade, renderRevisionScripts, renderUpgrade, type RenderedScript, type RenderSettings } from '../compile/render-range.js';
import type { LaidOutScript } from '../compile/render-script.js';
import { BundleError, ResolutionError } from '../errors.js';
import { PACKAGE_INFO } from '../package-info.js';
import type { Project } from '../project.js';
import type { Revision } from '../revisions/types.js';
import { configuredLint } from '../lint/configured-lint.js';
import { lintBundledScripts } from './bundle-lint.js';
import { compareBytewise } from './bundle-path.js';
import { sha256Hex } from '../sha256.js';
import { handoffContext, renderHandoff } from './handoff.js';
import { BUNDLE_NAME_PATTERN, MANIFEST_FORMAT, serializeManifest, type FileDigest, type Manifest, type ManifestLint, type ManifestRehearsal, type ManifestRevision } from './manifest.js';
import { rehearseBundle, type BundleScripts, type RehearsalRequest } from '../rehearse/rehearse-bundle.js';

export interface BundleRequest {
  /** Specifier of the revision to start from; `base` for an empty database. */
  from: string;
  /** Specifier of the one revision to end at. */
  to: string;
  /** Folder name of the bundle; default `<from>-to-<to>-<dialect>`. */
  name?: string;
  ticket?: string;
  /** Whether a signature will be added: the handoff summary says how to check it. */
  signed: boolean;
  /** Bundle despite error lint findings (--allow-lint-errors); the manifest records it. */
  allowLintErrors: boolean;
  /** Version guards in every script (false for --no-guards; the config's `guards` when absent); the manifest records it. */
  guards?: boolean;
  /** Whether and how to rehearse the scripts on an embedded engine; the config's `rehearsal` when absent. */
  rehearsal?: RehearsalRequest;
}

/** A bundle's files before signing: every file but `manifest.json.sig` and `SHA256SUMS`. */
export interface AssembledBundle {
  name: string;
  manifest: Manifest;
  /** Bundle-relative path (forward slashes) → content, in a stable order. */
  files: Map<string, string>;
}

export const BUNDLE_FILES = {
  upgrade: 'upgrade.sql',
  downgrade: 'downgrade.sql',
  manifest: 'manifest.json',
  signature: 'manifest.json.sig',
  checksums: 'SHA256SUMS',
  handoff: 'README.md',
  schema: 'schema.sql',
} as const;


/** A range rendered as the scripts of a bundle, before lint, rehearsal and manifest. */
export interface BundleScriptSet {
  from: string;
  to: string;
  settings: RenderSettings;
  upgrade: RenderedScript;
  revisionFiles: RevisionFiles[];
  /** The combined and per-revision scripts by bundle path, in bundle order. */
  files: Map<string, string>;
  /** The same scripts as a rehearsal runs them. */
  rehearsal: BundleScripts;
}

/** Renders the scripts a bundle of the range holds: what `bundle` writes and `rehearse` runs. */
export async function renderBundleScripts(project: Project, request: Pick<BundleRequest, 'from' | 'to' | 'guards'>): Promise<BundleScriptSet> {
  const from = bundleStart(project, request.from);
  const to = bundleEnd(project, request.to);
  const settings = formattingOnce(renderSettings(project, { guards: request.guards }));
  const upgrade = await renderUpgrade(settings, from, to);
  const downgrade = await renderDowngrade(settings, to, from);
  const revisionFiles = perRevisionFiles(upgrade, downgrade, settings);
  const files = new Map<string, string>([
    [BUNDLE_FILES.upgrade, upgrade.sql],
    [BUNDLE_FILES.downgrade, downgrade.sql],
    ...revisionFiles.flatMap(({ up, down }) => [up, down]),
  ]);
  return { from, to, settings, upgrade, revisionFiles, files, rehearsal: rehearsalScripts(from, files, upgrade.revisions, revisionFiles) };
}

/**
 * The settings with a formatter that keeps what it formatted: each statement is laid out twice,
 * in the combined script and in its revision's, and formatting is most of the cost.
 */
export function formattingOnce(settings: RenderSettings): RenderSettings {
  const { format } = settings;
  if (!format) return settings;
  const formatted = new Map<string, string>();
  const formatOnce = (sql: string): string => {
    let text = formatted.get(sql);
    if (text === undefined) formatted.set(sql, (text = format(sql)));
    return text;
  };
  return { ...settings, format: formatOnce };
}

/**
 * Renders a range of the project into the files of a bundle, in memory: the combined upgrade
 * and rollback scripts, one pair per revision, the rehearsed schema, the handoff summary and
 * the manifest. Pure apart from reading templates and the seed, and deterministic, so
 * `verify --rebuild` can compare its output byte for byte.
 */
export async function assembleBundle(project: Project, request: BundleRequest): Promise<AssembledBundle> {
  const { config } = project;
  const { from, to, settings, upgrade, revisionFiles, files, rehearsal: scripts } = await renderBundleScripts(project, request);
  const name = bundleName(request.name ?? `${from}-to-${to}-${settings.dialect.id}`);
  const bundled = revisionFiles.map(({ up, upScript }, index) => ({ revision: upgrade.revisions[index]!, file: up[0], script: upScript }));
  // These are independent; run together, the engine's start-up fills the time the linter waits
  // for its parser to load. A lint failure is reported first, as when they ran one after the other.
  const [linted, rehearsed] = await Promise.allSettled([
    lintBundledScripts(bundled, { dialect: settings.dialect.id, ...configuredLint(config), allowErrors: request.allowLintErrors }, project.readings),
    rehearseBundle(project, settings, scripts, request.rehearsal ?? {}),
  ]);
  const { lint, locks } = settledValue(linted);
  const rehearsal = settledValue(rehearsed);
  if (rehearsal.schemaSql !== undefined) files.set(BUNDLE_FILES.schema, rehearsal.schemaSql);
  // Each file is hashed once: the manifest lists every digest, and SHA256SUMS reuses them.
  const sha256 = new Map([...files].map(([file, text]) => [file, sha256Hex(text)]));
  const draft = manifestFor({ name, from, to, ticket: request.ticket, dialect: settings.dialect.id, guards: settings.guards, revisions: upgrade.revisions, revisionFiles, sha256, lint, rehearsal: rehearsal.record });
  const context = handoffContext({
    name,
    manifest: draft,
    dialect: settings.dialect,
    operations: upgrade.plan.sections.map((section) => [...new Set(section.statements.map((statement) => statement.operation))]),
    graphDetails: upgrade.revisions.map(({ dependsOn, branchLabels }) => ({ dependsOn, branchLabels })),
    versionTable: config.versionTable.schema ? `${config.versionTable.schema}.${config.versionTable.name}` : config.versionTable.name,
    transactionPerRevision: settings.transactionPerRevision,
    signed: request.signed,
    schemaChanges: rehearsal.changes,
    schemaFile: rehearsal.schemaSql === undefined ? undefined : BUNDLE_FILES.schema,
    locks,
    postgresqlVersion: config.lint.postgresqlVersion,
  });
  const handoff = renderHandoff(context, config.templatesDir, config.projectRoot);
  files.set(BUNDLE_FILES.handoff, handoff);
  sha256.set(BUNDLE_FILES.handoff, sha256Hex(handoff));
  const manifest: Manifest = { ...draft, files: sortedDigests(sha256) };
  files.set(BUNDLE_FILES.manifest, serializeManifest(manifest));
  return { name, manifest, files };
}

function settledValue<T>(settled: PromiseSettledResult<T>): T {
  if (settled.status === 'rejected') throw settled.reason;
  return settled.value;
}

function bundleStart({ graph }: Project, spec: string): string {
  const start = graph.resolve(spec);
  if (start.length > 1) throw oneRevision('--from', spec, start);
  return start[0]?.id ?? 'base';
}

function bundleEnd({ graph }: Project, spec: string): string {
  const end = graph.resolve(spec);
  if (end.length !== 1) throw oneRevision('--to', spec, end);
  return end[0]!.id;
}

function oneRevision(flag: string, spec: string, found: Revision[]): ResolutionError {
  const ids = found.map((revision) => revision.id);
  return new ResolutionError(
    'MULTIPLE_HEADS',
    spec,
    found.length === 0 ? `${flag} ${spec} names no revision; a bundle ends at one revision` : `${flag} ${spec} names ${found.length} revisions (${ids.join(', ')}); a bundle goes from one state to one state`,
    'merge the heads first (sqlgen merge -m MSG heads), or name one revision, e.g. --to <id> or --to <label>@head',
    ids,
  );
}

function bundleName(name: string): string {
  if (new RegExp(BUNDLE_NAME_PATTERN).test(name)) return name;
  throw new BundleError('BUNDLE_INVALID', `bundle name ${JSON.stringify(name)} is not a plain folder name`, 'use letters, digits, ".", "_" and "-", at most 100 characters, starting with a letter or digit');
}

interface RevisionFiles {
  up: [string, string];
  down: [string, string];
  /** The upgrade script with where each statement is, for lint. */
  upScript: LaidOutScript;
}

/** `revisions/NNNN_<id>_<slug>.up.sql` and `.down.sql`, in upgrade order. */
function perRevisionFiles(upgrade: RenderedScript, downgrade: RenderedScript, settings: RenderSettings): RevisionFiles[] {
  const ups = renderRevisionScripts(upgrade, settings);
  const downs = renderRevisionScripts(downgrade, settings).reverse();
  const width = Math.max(4, String(upgrade.revisions.length).length);
  return upgrade.revisions.map((revision, index) => {
    const stem = `revisions/${String(index + 1).padStart(width, '0')}_${revision.id}_${slugOf(revision)}`;
    return { up: [`${stem}.up.sql`, ups[index]!.text], down: [`${stem}.down.sql`, downs[index]!.text], upScript: ups[index]! };
  });
}

/** The bundle's scripts as a rehearsal runs them, under their bundle paths. */
function rehearsalScripts(from: string, files: ReadonlyMap<string, string>, revisions: readonly Revision[], revisionFiles: readonly RevisionFiles[]): BundleScripts {
  const named = (file: string) => ({ file, sql: files.get(file)! });
  return {
    from,
    upgrade: named(BUNDLE_FILES.upgrade),
    downgrade: named(BUNDLE_FILES.downgrade),
    revisions: revisionFiles.map(({ up, down }, index) => ({ id: revisions[index]!.id, up: named(up[0]), down: named(down[0]) })),
  };
}

/** The slug of `<id>_<slug>.<ext>`, kept to characters every file system and shell takes. */
function slugOf(revision: Revision): string {
  const base = path.posix.basename(revision.file).replace(/\.[^.]+$/, '');
  const slug = base.startsWith(`${revision.id}_`) ? base.slice(revision.id.length + 1) : base;
  return slug.replace(/[^A-Za-z0-9._-]+/g, '-') || 'revision';
}

interface ManifestInput {
  name: string;
  from: string;
  to: string;
  ticket?: string;
  dialect: Manifest['dialect'];
  guards: boolean;
  revisions: Revision[];
  revisionFiles: RevisionFiles[];
  /** SHA-256 of each file rendered so far, by path. */
  sha256: ReadonlyMap<string, string>;
  lint: ManifestLint;
  rehearsal: ManifestRehearsal;
}

/** The manifest but for `files`, which is filled in once the handoff summary is rendered. */
function manifestFor(input: ManifestInput): Manifest {
  const digest = (file: string): FileDigest => ({ file, sha256: input.sha256.get(file)! });
  const revisions: ManifestRevision[] = input.revisions.map((revision, index) => ({
    position: index + 1,
    id: revision.id,
    parents: [...revision.parents],
    message: revision.message,
    source: { file: revision.file, sha256: revision.sourceSha256 },
    upgrade: digest(input.revisionFiles[index]!.up[0]),
    downgrade: digest(input.revisionFiles[index]!.down[0]),
    ...(revision.lintDisable.length > 0 && { lintDisable: [...revision.lintDisable] }),
  }));
  return {
    format: MANIFEST_FORMAT,
    name: input.name,
    generator: { sqlgen: PACKAGE_INFO.version, knex: PACKAGE_INFO.dependencies.knex!, sqlFormatter: PACKAGE_INFO.dependencies['sql-formatter']! },
    dialect: input.dialect,
    from: input.from,
    to: input.to,
    ...(input.ticket !== undefined && { ticket: input.ticket }),
    scripts: { upgrade: digest(BUNDLE_FILES.upgrade), downgrade: digest(BUNDLE_FILES.downgrade) },
    revisions,
    guards: input.guards,
    lint: input.lint,
    rehearsal: input.rehearsal,
    files: [],
  };
}

/** The digests sorted by path (byte order), as SHA256SUMS lists them. */
function sortedDigests(sha256: ReadonlyMap<string, string>): FileDigest[] {
  return [...sha256.keys()].sort(compareBytewise).map((file) => ({ file, sha256: sha256.get(file)! }));
}
