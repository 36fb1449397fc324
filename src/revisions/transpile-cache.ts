import { cacheFilePath, cacheFolder, readCacheEntries, writeCacheEntries } from '../cache-file.js';
import { PACKAGE_INFO } from '../package-info.js';

/** Entries are valid only for the sqlgen and sucrase versions that wrote them. */
const STAMP = `sqlgen ${PACKAGE_INFO.version}, sucrase ${PACKAGE_INFO.dependencies.sucrase}`;

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
    return new TranspileCache(cacheFilePath(folder, 'transpiled', revisionsDir));
  }

  /** The cached code for a source, or the result of `transpile`, remembered for {@link save}. */
  get(key: string, transpile: () => string): string {
    this.stored ??= readCacheEntries<string>(this.file, STAMP);
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
    if (this.changed) writeCacheEntries(this.file, STAMP, Object.fromEntries(this.fresh));
  }
}
