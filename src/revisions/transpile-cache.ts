import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { PACKAGE_INFO } from '../package-info.js';

/** Entries are valid only for the sqlgen and sucrase versions that wrote them. */
const STAMP = `sqlgen ${PACKAGE_INFO.version}, sucrase ${PACKAGE_INFO.dependencies.sucrase}`;

interface CacheFile {
  stamp: string;
  entries: Record<string, string>;
}

/**
 * Transpiled revision code, keyed by the sha256 of each source, in one file per revisions folder
 * under `$SQLGEN_CACHE_DIR` (default `$XDG_CACHE_HOME/sqlgen` or `~/.cache/sqlgen`).
 *
 * Why: transpiling is most of the CPU of loading a large project (measured: 5,000 revisions,
 * about 0.5 s of 0.7 s), and revisions rarely change once written. One file, not one per
 * revision, because reading thousands of small files costs as much as transpiling them.
 * The cache is an optimisation only: unreadable, stale or unwritable means transpile again.
 * `SQLGEN_NO_CACHE=1` turns it off.
 */
export class TranspileCache {
  private readonly fresh = new Map<string, string>();
  /** Read on the first lookup: a run whose revisions all come from the compiled cache needs none of it. */
  private stored?: Record<string, string>;
  private changed = false;

  private constructor(private readonly file: string) {}

  static open(revisionsDir: string, env: NodeJS.ProcessEnv): TranspileCache | null {
    const folder = cacheFolder(env);
    if (!folder) return null;
    const name = createHash('sha256').update(path.resolve(revisionsDir)).digest('hex').slice(0, 16);
    return new TranspileCache(path.join(folder, `transpiled-${name}.json`));
  }

  /** The cached code for a source, or the result of `transpile`, remembered for {@link save}. */
  get(key: string, transpile: () => string): string {
    this.stored ??= readEntries(this.file);
    let code = this.stored[key];
    if (code === undefined) {
      code = transpile();
      this.changed = true;
    }
    this.fresh.set(key, code);
    return code;
  }

  /** Writes the entries used in this run (dropping ones no longer used) if anything was added. */
  save(): void {
    if (!this.changed) return;
    const content: CacheFile = { stamp: STAMP, entries: Object.fromEntries(this.fresh) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.file);
    } catch {
      // A read-only home or a full disk only costs speed next time.
    }
  }
}

/** Where sqlgen keeps its caches, or null with `SQLGEN_NO_CACHE=1`. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | null {
  if (env.SQLGEN_NO_CACHE === '1') return null;
  return env.SQLGEN_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'sqlgen');
}

function readEntries(file: string): Record<string, string> {
  try {
    const content = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return content.stamp === STAMP && typeof content.entries === 'object' ? content.entries : {};
  } catch {
    return {};
  }
}
