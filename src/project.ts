import { loadConfig, type ConfigSources, type ProjectConfig } from './config/load-config.js';
import { limitRevisionTime } from './compile/run-isolated.js';
import { openBuildCache, type StampedCache } from './cache-file.js';
import { openReadingCache, type ScriptReadingCache } from './lint/reading-cache.js';
import { sha256Hex } from './sha256.js';
import { CompiledRevisionCache } from './revisions/compiled-cache.js';
import { RevisionGraph } from './revisions/graph.js';
import { loadRevisions } from './revisions/load-revisions.js';
import type { Revision } from './revisions/types.js';

/** A user's project as every command sees it: its configuration and its revision graph. */
export interface Project {
  config: ProjectConfig;
  graph: RevisionGraph<Revision>;
  /** Lint findings and locks of a bundle's scripts read before (see lint/reading-cache.ts); null when off. */
  readings?: ScriptReadingCache | null;
  /** Lint findings of the revisions' scripts as `lint` and `check` read them; null when off. */
  revisionReadings?: ScriptReadingCache | null;
  /**
   * Statements rendered by earlier runs for these dialect and format settings (`identity`), as
   * text: a warm run neither masks nor lexes them again. Null when caches are off.
   */
  renderedStatements?(identity: string): StampedCache<string> | null;
  /** Keeps what this run compiled, read and rendered for the next one; call when done. */
  saveCaches(): void;
}

/** Loads the config, every revision file, and builds (and so validates) the graph. */
export async function openProject(sources: ConfigSources): Promise<Project> {
  const config = loadConfig(sources);
  limitRevisionTime(config.revisionTimeoutSeconds);
  const compiled = CompiledRevisionCache.open(config.revisionsDir, sources.env);
  const revisions = await loadRevisions(config.revisionsDir, config.projectRoot, sources.env, compiled);
  const readings = openReadingCache(config.projectRoot, sources.env, 'readings');
  const revisionReadings = openReadingCache(config.projectRoot, sources.env, 'revision-readings');
  const rendered = new Map<string, StampedCache<string> | null>();
  const renderedStatements = (identity: string) => {
    if (!rendered.has(identity)) rendered.set(identity, openBuildCache<string>(`rendered-${sha256Hex(identity).slice(0, 12)}`, config.revisionsDir, sources.env));
    return rendered.get(identity)!;
  };
  return {
    config,
    graph: RevisionGraph.build(revisions),
    readings,
    revisionReadings,
    renderedStatements,
    saveCaches: () => {
      compiled?.save();
      readings?.save();
      revisionReadings?.save();
      for (const cache of rendered.values()) cache?.save();
    },
  };
}
