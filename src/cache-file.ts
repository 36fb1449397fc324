import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { sqlgenBuildId } from './package-root.js';

/**
 * One JSON file of a cache in sqlgen's cache folder: `{ stamp, entries }`. The stamp names what
 * wrote the entries (sqlgen's version or build, and what else they depend on); a file with
 * another stamp is as good as none. Caches are an optimisation only: a file that cannot be read
 * or written costs speed, never a failure.
 */
interface CacheFile<T> {
  stamp: string;
  entries: Record<string, T>;
}

/**
 * sqlgen's cache folder: SQLGEN_CACHE_DIR, else `$XDG_CACHE_HOME/sqlgen`, else `~/.cache/sqlgen`.
 * It holds only what sqlgen can make again; deleting it costs one slow start.
 */
export function cacheRoot(env: NodeJS.ProcessEnv): string {
  return env.SQLGEN_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'sqlgen');
}

/** Where sqlgen keeps the caches of what it compiles and reads, or null with `SQLGEN_NO_CACHE=1`. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | null {
  return env.SQLGEN_NO_CACHE === '1' ? null : cacheRoot(env);
}

/** The file of a cache of `kind` for `subject` (a folder): named by a hash of its path. */
function cacheFilePath(cacheDir: string, kind: string, subject: string): string {
  const name = createHash('sha256').update(path.resolve(subject)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${kind}-${name}.json`);
}

/** The entries written with `stamp`; none when the file is missing, damaged or stamped otherwise. */
function readCacheEntries<T>(file: string, stamp: string): Record<string, T> {
  try {
    const content = JSON.parse(readFileSync(file, 'utf8')) as CacheFile<T>;
    return content.stamp === stamp && typeof content.entries === 'object' && content.entries !== null ? content.entries : {};
  } catch {
    return {};
  }
}

/** Writes the file aside and renames it in, so that a concurrent run never reads half of it. Says whether it was written. */
function writeCacheEntries<T>(file: string, stamp: string, entries: Record<string, T>): boolean {
  const content: CacheFile<T> = { stamp, entries };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(content));
    renameSync(temporary, file);
    return true;
  } catch {
    // A read-only home or a full disk only costs speed next time.
    return false;
  }
}

/**
 * The entries of one cache file, read on the first lookup (a project opens its caches on every
 * command, most use few of them). Saving writes the entries this run used, so that entries of
 * deleted files drop out, and only if one was added or changed.
 */
export class StampedCache<T> {
  private readonly used = new Map<string, T>();
  private stored?: Record<string, T>;
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly stamp: string,
  ) {}

  /** The cache of `kind` for `subject` (a folder) whose entries `stamp` wrote, or null when caches are off. */
  static open<T>(kind: string, subject: string, env: NodeJS.ProcessEnv, stamp: string): StampedCache<T> | null {
    const folder = cacheFolder(env);
    return folder === null ? null : new StampedCache<T>(cacheFilePath(folder, kind, subject), stamp);
  }

  get(key: string): T | undefined {
    this.stored ??= readCacheEntries<T>(this.file, this.stamp);
    const value = this.stored[key];
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
    this.changed = true;
  }

  /** For a value changed in place after {@link set} or {@link get}. */
  touch(): void {
    this.changed = true;
  }

  save(): void {
    if (this.changed && writeCacheEntries(this.file, this.stamp, Object.fromEntries(this.used))) this.changed = false;
  }
}

/**
 * A cache of compiled output, which only this build of sqlgen may read: a new build could render
 * differently though its version number is the same. Only the bundled CLI knows its build, so
 * sqlgen run from its sources keeps none.
 */
export function openBuildCache<T>(kind: string, subject: string, env: NodeJS.ProcessEnv): StampedCache<T> | null {
  const build = sqlgenBuildId();
  return build === undefined ? null : StampedCache.open<T>(kind, subject, env, `sqlgen build ${build}`);
}
