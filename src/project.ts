import { loadConfig, type ConfigSources, type ProjectConfig } from './config/load-config.js';
import { limitRevisionTime } from './compile/run-isolated.js';
import { openReadingCache, type ScriptReadingCache } from './lint/reading-cache.js';
import { CompiledRevisionCache } from './revisions/compiled-cache.js';
import { RevisionGraph } from './revisions/graph.js';
import { loadRevisions } from './revisions/load-revisions.js';
import type { Revision } from './revisions/types.js';

/** A user's project as every command sees it: its configuration and its revision graph. */
export interface Project {
  config: ProjectConfig;
  graph: RevisionGraph<Revision>;
  /** Lint findings and locks of scripts read before (see lint/reading-cache.ts); null when off. */
  readings?: ScriptReadingCache | null;
  /** Keeps what this run compiled and read for the next one; call when done. */
  saveCaches(): void;
}

/** Loads the config, every revision file, and builds (and so validates) the graph. */
export async function openProject(sources: ConfigSources): Promise<Project> {
  const config = loadConfig(sources);
  limitRevisionTime(config.revisionTimeoutSeconds);
  const compiled = CompiledRevisionCache.open(config.revisionsDir, sources.env);
  const revisions = await loadRevisions(config.revisionsDir, config.projectRoot, sources.env, compiled);
  const readings = openReadingCache(config.projectRoot, sources.env);
  return {
    config,
    graph: RevisionGraph.build(revisions),
    readings,
    saveCaches: () => {
      compiled?.save();
      readings?.save();
    },
  };
}
