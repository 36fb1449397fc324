import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sqlgenBuildId } from '../package-root.js';
import { cacheFolder } from '../revisions/transpile-cache.js';
import type { LockEntry } from './locks/lock-entry.js';
import type { Finding } from './types.js';

/** What reading one script gives: its lint findings and, where the dialect has a lock model, its locks. */
export interface ScriptReading {
  findings: Finding[];
  locks?: LockEntry[];
}

interface CacheFile {
  stamp: string;
  entries: Record<string, ScriptReading>;
}

/**
 * Lint findings and locks of whole scripts from earlier runs, so that a bundle lints only the
 * revision scripts that changed (at 5,000 revisions, linting is most of a warm bundle's time).
 * Reading a script is a pure function of its text and the lint settings, so those are the key
 * (see {@link readingKey}), with sqlgen's build in the stamp: only the bundled CLI knows its
 * build, so sqlgen run from its sources keeps nothing. One file per project in sqlgen's cache
 * folder, with the entries the last run used; `SQLGEN_NO_CACHE=1` turns it off.
 */
export class ScriptReadingCache {
  private readonly used = new Map<string, ScriptReading>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly stamp: string,
    private readonly stored: Record<string, ScriptReading>,
  ) {}

  static open(projectRoot: string, env: NodeJS.ProcessEnv): ScriptReadingCache | null {
    const folder = cacheFolder(env);
    const build = sqlgenBuildId();
    if (!folder || !build) return null;
    const name = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 16);
    const file = path.join(folder, `readings-${name}.json`);
    const stamp = `sqlgen build ${build}`;
    return new ScriptReadingCache(file, stamp, readEntries(file, stamp));
  }

  get(key: string): ScriptReading | undefined {
    const reading = this.stored[key];
    if (reading) this.used.set(key, reading);
    return reading;
  }

  set(key: string, reading: ScriptReading): void {
    this.used.set(key, reading);
    this.changed = true;
  }

  /** Writes the entries this run used, if anything was added. */
  save(): void {
    if (!this.changed) return;
    const content: CacheFile = { stamp: this.stamp, entries: Object.fromEntries(this.used) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.file);
      this.changed = false;
    } catch {
      // A read-only home or a full disk only costs speed next time.
    }
  }
}

/** The key of a script's reading: its text and every setting the reading depends on. */
export function readingKey(text: string, settings: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\0').update(text).digest('hex');
}

function readEntries(file: string, stamp: string): Record<string, ScriptReading> {
  try {
    const content = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return content.stamp === stamp && typeof content.entries === 'object' ? content.entries : {};
  } catch {
    return {};
  }
}
