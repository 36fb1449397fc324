import { StampedCache } from '../cache-file.js';
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
  private constructor(private readonly entries: StampedCache<string>) {}

  static open(revisionsDir: string, env: NodeJS.ProcessEnv): TranspileCache | null {
    const entries = StampedCache.open<string>('transpiled', revisionsDir, env, STAMP);
    return entries && new TranspileCache(entries);
  }

  /** The cached code for a source, or the result of `transpile`, remembered for {@link save}. */
  get(key: string, transpile: () => string): string {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const code = transpile();
    this.entries.set(key, code);
    return code;
  }

  /** Writes the entries used in this run (dropping ones no longer used) if anything was added. */
  save(): void {
    this.entries.save();
  }
}
