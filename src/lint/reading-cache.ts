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
 * the key, and the cache's stamp holds sqlgen's build. A bundle then lints only the revision
 * scripts that changed (at 5,000 revisions, linting was most of a warm bundle's time).
 */
export function readingKey(text: string, settings: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\0').update(text).digest('hex');
}

/** Readings of scripts from earlier runs, by {@link readingKey}. */
export type ScriptReadingCache = StampedCache<ScriptReading>;

/** The project's readings cache, or null when caches are off or sqlgen's build is unknown. */
export function openReadingCache(projectRoot: string, env: NodeJS.ProcessEnv): ScriptReadingCache | null {
  return openBuildCache<ScriptReading>('readings', projectRoot, env);
}
