import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache, type StampedCache } from '../cache-file.js';
import type { Statement } from '../compile/statement.js';
import { sha256Hex } from '../sha256.js';
import type { LocalFile } from './load-module.js';

/** A module revision's definition, less its functions: all the graph and the checks need. */
export interface StoredDefinition {
  id: string;
  parents: string[];
  message: string;
  dependsOn: string[];
  branchLabels: string[];
  lintDisable: string[];
  hasDowngrade: boolean;
}

/** One revision as kept: its definition, the data files it imports, and what its steps recorded. */
export interface StoredRevision {
  definition: StoredDefinition;
  /** Absolute paths and hashes of the data files (JSON) it imports: part of its key. */
  dataFiles: LocalFile[];
  /**
   * Recorded statements by variant (dialect, settings, direction, traced; see compileRevision),
   * each as JSON text: a run parses only the variants it renders, and `history` none at all.
   */
  steps: Record<string, string>;
}

/**
 * What module revisions recorded on earlier runs, so that a run over unchanged revisions neither
 * runs their code nor loads knex (measured at 1,000 revisions: about three quarters of a warm
 * `upgrade`). One file per revisions folder beside the transpile cache, written at the end of a
 * command with the entries it used; `SQLGEN_NO_CACHE=1` turns it off.
 *
 * It must never serve stale SQL, so an entry is keyed by all a revision's output can depend on:
 * the file's name and bytes, the data files it imports, the dialect and its settings (in the
 * variant), and sqlgen's own build (the stamp; only the bundled CLI knows its build, so sqlgen
 * run from its sources keeps nothing). Revisions whose code could read anything else (the
 * environment, the clock, files, other modules) are never kept: see {@link hasOnlyKeyedInputs}.
 */
export class CompiledRevisionCache {
  private constructor(private readonly entries: StampedCache<StoredRevision>) {}

  static open(revisionsDir: string, env: NodeJS.ProcessEnv): CompiledRevisionCache | null {
    const entries = openBuildCache<StoredRevision>('compiled', revisionsDir, env);
    return entries && new CompiledRevisionCache(entries);
  }

  /** The revision kept for these bytes of this file, if the data files it imports are unchanged too. */
  restore(file: string, sha256: string): StoredRevision | undefined {
    const stored = this.entries.get(entryKey(file, sha256));
    return stored?.dataFiles.every(isUnchanged) ? stored : undefined;
  }

  /** Starts keeping a revision just loaded from its module; its steps are added as they are recorded. */
  keep(file: string, sha256: string, definition: StoredDefinition, dataFiles: LocalFile[]): StoredRevision {
    const entry: StoredRevision = { definition, dataFiles, steps: {} };
    this.entries.set(entryKey(file, sha256), entry);
    return entry;
  }

  /** The statements kept for a variant of a revision, if any. */
  recorded(entry: StoredRevision, variant: string): Statement[] | undefined {
    const text = entry.steps[variant];
    return text === undefined ? undefined : (JSON.parse(text) as Statement[]);
  }

  remember(entry: StoredRevision, variant: string, steps: readonly Statement[]): void {
    entry.steps[variant] = JSON.stringify(steps);
    this.entries.touch();
  }

  save(): void {
    this.entries.save();
  }
}

/**
 * Names that reach inputs outside the key: the process and its environment, the clock,
 * randomness, the console (output a cached run would not repeat), globals shared between
 * revisions, and the module system beyond static imports. Matched in the transpiled code, strings and
 * comments included: a false match only means the revision is run each time.
 */
const UNKEYED_INPUT = /\b(?:process|Date|globalThis|global|crypto|performance|console|eval|Function|fetch|Intl|WebAssembly|Atomics|SharedArrayBuffer|WeakRef|FinalizationRegistry|allocUnsafe|__filename|__dirname|setTimeout|setInterval|setImmediate|queueMicrotask)\b|\bMath\s*\.\s*random\b|\btoLocale|\.\s*stack\b|\bimport\s*[(.]|\bmodule\s*\.\s*(?!exports\b)/;

/** `require("sqlgen")` and relative requires: the only ones a kept revision may make (see below). */
const KEYED_REQUIRE = /\brequire\((['"])(sqlgen|\.\.?\/[^'"]*)\1\)/g;

/**
 * Whether a revision's output depends only on what the cache key holds: its transpiled code
 * names no {@link UNKEYED_INPUT}, requires nothing but `sqlgen` and local files, and those local
 * files are all data (`.json`), hashed into the key. A local code module is refused too: it may
 * hold state that revisions share, so one revision's output could depend on another having run.
 */
export function hasOnlyKeyedInputs(code: string, localImports: readonly LocalFile[]): boolean {
  const requires = code.match(/\brequire\s*\(/g)?.length ?? 0;
  const keyed = code.match(KEYED_REQUIRE)?.length ?? 0;
  return requires === keyed && !UNKEYED_INPUT.test(code) && localImports.every(({ file }) => !/\.[cm]?[jt]s$/.test(file));
}

function entryKey(file: string, sha256: string): string {
  return `${path.basename(file)} ${sha256}`;
}

function isUnchanged({ file, sha256 }: LocalFile): boolean {
  try {
    return sha256Hex(readFileSync(file)) === sha256;
  } catch {
    return false;
  }
}
