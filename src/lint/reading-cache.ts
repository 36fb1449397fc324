import { createHash } from 'node:crypto';
import { openBuildCache, type StampedCache } from '../cache-file.js';
import type { LockEntry } from './locks/lock-entry.js';
import type { Finding } from './types.js';

/** What reading one script gives: its lint findings and, where the dialect has a lock model, its locks. */
export interface ScriptReading {
  findings: Finding[];
  locks?: LockEntry[];
}

/**
 * The key of a script's reading in the readings cache (a build cache of kind `readings`, one per
 * project): reading a script is a pure function of its text and the lint settings, so those are
 * the key, and the cache's stamp holds sqlgen's build. A bundle, `lint` and `check` then lint
 * only the revision scripts that changed (at 5,000 revisions, linting was most of a warm
 * bundle's time, and three quarters of a warm `check`'s).
 */
export function readingKey(text: string, settings: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\0').update(text).digest('hex');
}

/** Readings of scripts from earlier runs, by {@link readingKey}. */
export type ScriptReadingCache = StampedCache<ScriptReading>;

/**
 * Whose readings: a bundle's (formatted per-revision scripts, with locks) or those of `lint` and
 * `check` over the revisions (unformatted, traced). Kept apart: a cache file holds only what the
 * last run used, so one shared file would lose the other command's readings at every switch.
 */
export type ReadingCacheKind = 'readings' | 'revision-readings';

/** The project's readings cache of `kind`, or null when caches are off or sqlgen's build is unknown. */
export function openReadingCache(projectRoot: string, env: NodeJS.ProcessEnv, kind: ReadingCacheKind): ScriptReadingCache | null {
  return openBuildCache<ScriptReading>(kind, projectRoot, env);
}

/** The reading kept for `text` and `settings` in `cache`, or `read()`'s, then kept. */
export async function cachedReading(cache: ScriptReadingCache | null, text: string, settings: Record<string, unknown>, read: () => Promise<ScriptReading>): Promise<ScriptReading> {
  if (!cache) return read();
  const key = readingKey(text, settings);
  const kept = cache.get(key);
  if (kept) return kept;
  const reading = await read();
  cache.set(key, reading);
  return reading;
}
