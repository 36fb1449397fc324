import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RevisionFileError } from '../errors.js';
import { projectRelativePath } from '../project-path.js';
import { describeSchemaErrors } from '../schema-validation.js';
import { sha256Hex } from '../sha256.js';
import type { CompiledRevisionCache, StoredDefinition, StoredRevision } from './compiled-cache.js';
import { RevisionModuleLoader } from './load-module.js';
import { TranspileCache } from './transpile-cache.js';
import { PATTERN_HINTS, validateRevisionMetadata, type RevisionMetadata } from './revision-schema.js';
import { listValue, parseSqlRevision, type SqlDirective } from './sql-revision.js';
import type { MigrationFn, MigrationStep, RecordedSteps, Revision } from './types.js';

/** `<id>_<slug>.<ext>`: the id is everything before the first underscore. */
const REVISION_FILE_NAME = /^([^_]+)_([^.]+)\.(ts|mts|cts|js|mjs|cjs|sql)$/;
const REVISION_EXTENSION = /\.(ts|mts|cts|js|mjs|cjs|sql)$/;
const MODULE_KEYS = new Set(['id', 'parents', 'message', 'dependsOn', 'branchLabels', 'lintDisable', 'upgrade', 'downgrade']);

/**
 * Loads every revision file in `revisionsDir` (not its subfolders, which may hold helper
 * modules). Files come back sorted by name; the graph decides the order that matters.
 */
export async function loadRevisions(revisionsDir: string, projectRoot: string, env: NodeJS.ProcessEnv = process.env, compiled: CompiledRevisionCache | null = null): Promise<Revision[]> {
  const files = listRevisionFiles(revisionsDir, projectPath(projectRoot));
  return loadRevisionFiles(files, projectRoot, TranspileCache.open(revisionsDir, env), compiled);
}

/**
 * Loads the given revision files (absolute paths), modules all at once (see
 * RevisionModuleLoader.loadAll). A module revision the compiled cache kept is not run: its
 * definition comes from the cache, and its module loads only if a step is asked for that the
 * cache does not hold.
 */
export async function loadRevisionFiles(files: string[], projectRoot: string, cache: TranspileCache | null = null, compiled: CompiledRevisionCache | null = null): Promise<Revision[]> {
  const display = projectPath(projectRoot);
  const sources = files.map((file) => readRevisionSource(file, display(file)));
  const restored = new Map(sources.flatMap((source) => {
    const stored = source.extension === 'sql' ? undefined : compiled?.restore(source.file, source.sha256);
    return stored ? [[source, stored] as const] : [];
  }));
  const modules = sources.filter((source) => source.extension !== 'sql' && !restored.has(source));
  const loader = new RevisionModuleLoader(display, cache);
  const loaded = await loader.loadAll(modules);
  const byRevision = new Map(loaded.map((value, index) => [modules[index]!, value]));
  const revisionFiles = new Set(files);
  return sources.map((source) => {
    const stored = restored.get(source);
    if (stored) return restoredRevision(source, stored, compiled!, loader, display);
    const module = byRevision.get(source);
    // A revision importing another revision file needs no second record: the sum has the file.
    const localImports = (module?.localImports ?? []).filter(({ file }) => !revisionFiles.has(file)).map(({ file, sha256 }) => ({ file: display(file), sha256 }));
    const revision: Revision = { ...toRevision(source, module?.exports), localImports };
    if (module && compiled && loader.hasOnlyKeyedInputs(source.file)) {
      const entry = compiled.keep(source.file, source.sha256, storedDefinition(revision), module.localImports);
      revision.compiled = recordedSteps(compiled, entry, async () => revision);
    }
    return revision;
  });
}

/** A module revision from the compiled cache: its module is loaded only when a step must run. */
function restoredRevision(source: RevisionSource, stored: StoredRevision, compiled: CompiledRevisionCache, loader: RevisionModuleLoader, display: (absolute: string) => string): Revision {
  const { id, parents, message, dependsOn, branchLabels, lintDisable, hasDowngrade } = stored.definition;
  // Not `source` in the closure below: V8 would keep the whole object, text and all, alive with it.
  const { file, shown, sha256 } = source;
  let functions: Promise<Revision> | undefined;
  // Read again if ever needed: thousands of restored revisions need not hold their text.
  const load = () => (functions ??= Promise.resolve().then(async () => {
    const again = readRevisionSource(file, shown);
    if (again.sha256 !== sha256) {
      throw new RevisionFileError('REVISION_CHANGED', `${shown}: the file changed while sqlgen was running`, 'run the command again', { file: shown });
    }
    const [module] = await loader.loadAll([again]);
    return { ...toRevision(again, module!.exports), localImports: [] };
  }));
  // Named one by one: a rest and a spread here were the slowest part of restoring a revision on Node 20.
  return {
    id,
    parents,
    message,
    dependsOn,
    branchLabels,
    lintDisable,
    file: shown,
    sourceSha256: sha256,
    format: 'module',
    upgrade: { kind: 'recorded' },
    downgrade: hasDowngrade ? { kind: 'recorded' } : { kind: 'none' },
    localImports: stored.dataFiles.map(({ file, sha256 }) => ({ file: display(file), sha256 })),
    compiled: recordedSteps(compiled, stored, load),
  };
}

function recordedSteps(compiled: CompiledRevisionCache, entry: StoredRevision, load: () => Promise<Revision>): RecordedSteps {
  return {
    recorded: (variant) => compiled.recorded(entry, variant),
    remember: (variant, steps) => compiled.remember(entry, variant, steps),
    functions: async () => {
      const { upgrade, downgrade } = await load();
      return { upgrade, downgrade };
    },
  };
}

function storedDefinition(revision: Revision): StoredDefinition {
  const { id, parents, message, dependsOn, branchLabels, lintDisable } = revision;
  return { id, parents, message, dependsOn, branchLabels, lintDisable, hasDowngrade: revision.downgrade.kind !== 'none' };
}

function projectPath(projectRoot: string): (absolute: string) => string {
  return (absolute) => projectRelativePath(projectRoot, absolute);
}

function listRevisionFiles(revisionsDir: string, display: (absolute: string) => string): string[] {
  let entries;
  try {
    entries = readdirSync(revisionsDir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RevisionFileError(
      'REVISION_UNREADABLE',
      `${display(revisionsDir)}: cannot read the revisions folder ${revisionsDir} (${code})`,
      code === 'ENOENT' ? 'run `sqlgen init` in the project root (the folder that is to hold sqlgen.config.json), or set "revisionsDir" in sqlgen.config.json' : 'check its permissions',
      { file: display(revisionsDir) },
    );
  }
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && REVISION_EXTENSION.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => path.join(revisionsDir, name));
}

/** A revision file's bytes and name parts, before its content is interpreted. */
interface RevisionSource {
  file: string;
  shown: string;
  text: string;
  sha256: string;
  id: string;
  slug: string;
  extension: string;
}

function readRevisionSource(file: string, shown: string): RevisionSource {
  const nameMatch = REVISION_FILE_NAME.exec(path.basename(file));
  if (!nameMatch) {
    throw new RevisionFileError('REVISION_INVALID', `${shown}: not a revision file name`, 'name revision files <id>_<slug>.ts (or .mts, .cts, .js, .mjs, .cjs, .sql); keep helper modules in a subfolder', { file: shown });
  }
  const bytes = readSource(file, shown);
  const [, id = '', slug = '', extension = ''] = nameMatch;
  return { file, shown, text: bytes.toString('utf8'), sha256: sha256Hex(bytes), id, slug, extension };
}

function toRevision(source: RevisionSource, moduleExports: unknown): Omit<Revision, 'localImports'> {
  const { shown, text, id, slug, extension } = source;
  const body = extension === 'sql' ? sqlRevision(text, shown) : moduleRevision(moduleExports, shown);
  if (body.id !== id) {
    throw new RevisionFileError('REVISION_ID_MISMATCH', `${shown}: the file name says id "${id}" but the revision declares id "${body.id}"`, `rename the file to ${body.id}_${slug}.${extension}, or fix the id inside`, { file: shown });
  }
  return { file: shown, sourceSha256: source.sha256, ...body };
}

function readSource(file: string, shown: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new RevisionFileError('REVISION_UNREADABLE', `${shown}: cannot read the revision file (${(error as NodeJS.ErrnoException).code})`, 'check the file permissions', { file: shown });
  }
}

type RevisionBody = Omit<Revision, 'file' | 'sourceSha256' | 'localImports'>;

function moduleRevision(exports: unknown, shown: string): RevisionBody {
  const definition = defaultExport(exports);
  if (typeof definition !== 'object' || definition === null) {
    throw invalid(shown, 'the module has no revision as its default export', 'write `export default defineRevision({ id, parents, message, upgrade, downgrade })`');
  }
  const fields = definition as Record<string, unknown>;
  const unknownKeys = Object.keys(fields).filter((key) => !MODULE_KEYS.has(key));
  if (unknownKeys.length > 0) {
    throw invalid(shown, `unknown key(s) ${unknownKeys.map((key) => `"${key}"`).join(', ')}`, `a revision has only: ${[...MODULE_KEYS].join(', ')}`);
  }
  const metadata = checkedMetadata(
    { id: fields.id, parents: fields.parents, message: fields.message ?? '', dependsOn: fields.dependsOn ?? [], branchLabels: fields.branchLabels ?? [], lintDisable: fields.lintDisable ?? [] },
    shown,
  );
  return { ...metadata, format: 'module', upgrade: functionStep(fields.upgrade, 'upgrade', shown, true), downgrade: functionStep(fields.downgrade, 'downgrade', shown, false) };
}

function defaultExport(exports: unknown): unknown {
  const record = exports as { __esModule?: boolean; default?: unknown } | null;
  return record?.__esModule || (record && 'default' in record) ? record.default : exports;
}

function functionStep(value: unknown, name: string, shown: string, required: boolean): MigrationStep {
  if (typeof value === 'function') return { kind: 'function', run: value as MigrationFn };
  if (value === undefined && !required) return { kind: 'none' };
  throw invalid(shown, `"${name}" must be a function${required ? '' : ' when present'}`, `write ${name}(op) { ... }`);
}

function sqlRevision(text: string, shown: string): RevisionBody {
  const parsed = parseSqlRevision(text, shown);
  const value = (key: SqlDirective) => parsed.directives.get(key)?.value;
  for (const key of ['id', 'parents'] as const) {
    if (value(key) === undefined) {
      throw invalid(shown, `missing \`-- sqlgen:${key}\``, key === 'parents' ? 'add `-- sqlgen:parents <id>...`, empty for a base revision' : 'add `-- sqlgen:id <id>` matching the file name');
    }
  }
  const dialect = value('dialect');
  const metadata = checkedMetadata(
    {
      id: value('id'),
      parents: listValue(value('parents') ?? ''),
      message: value('message') ?? '',
      dependsOn: listValue(value('depends-on') ?? ''),
      branchLabels: listValue(value('branch-labels') ?? ''),
      lintDisable: listValue(value('lint-disable') ?? ''),
      ...(dialect !== undefined && { dialect }),
    },
    shown,
    (pointer) => parsed.directives.get(directiveAt(pointer))?.line,
  );
  const { upgrade, downgrade } = parsed;
  return {
    ...metadata,
    format: 'sql',
    upgrade: { kind: 'sql', ...upgrade },
    downgrade: downgrade ? { kind: 'sql', ...downgrade } : { kind: 'none' },
  };
}

/** The SQL directive a JSON pointer into the metadata came from (`/dependsOn/0` → depends-on). */
function directiveAt(pointer: string): SqlDirective {
  const key = pointer.split('/')[1] ?? 'id';
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`) as SqlDirective;
}

function checkedMetadata(candidate: Record<string, unknown>, shown: string, lineOf?: (pointer: string) => number | undefined): RevisionMetadata {
  if (validateRevisionMetadata(candidate)) return candidate;
  const errors = validateRevisionMetadata.errors ?? [];
  const line = lineOf?.(errors[0]?.instancePath ?? '');
  const where = line ? `${shown}:${line}` : shown;
  throw new RevisionFileError('REVISION_INVALID', `${where}: invalid revision:\n${describeSchemaErrors(errors, PATTERN_HINTS)}`, 'a revision needs an id, parents (empty for a base), and optionally message, dependsOn, branchLabels and lintDisable', { file: shown, line });
}

function invalid(shown: string, problem: string, hint: string): RevisionFileError {
  return new RevisionFileError('REVISION_INVALID', `${shown}: ${problem}`, hint, { file: shown });
}
