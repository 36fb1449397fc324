import { loadConfig, type ConfigSources, type ProjectConfig } from './config/load-config.js';
import { limitRevisionTime } from './compile/run-isolated.js';
import { CompiledRevisionCache } from './revisions/compiled-cache.js';
import { RevisionGraph } from './revisions/graph.js';
import { loadRevisions } from './revisions/load-revisions.js';
import type { Revision } from './revisions/types.js';

/** A user's project as every command sees it: its configuration and its revision graph. */
export interface Project {
  config: ProjectConfig;
  graph: RevisionGraph<Revision>;
  /** Keeps what this run compiled for the next one (see revisions/compiled-cache.ts); call when done. */
  saveCaches(): void;
}

/** Loads the config, every revision file, and builds (and so validates) the graph. */
export async function openProject(sources: ConfigSources): Promise<Project> {
  const config = loadConfig(sources);
  limitRevisionTime(config.revisionTimeoutSeconds);
  const compiled = CompiledRevisionCache.open(config.revisionsDir, sources.env);
  const revisions = await loadRevisions(config.revisionsDir, config.projectRoot, sources.env, compiled);
  return { config, graph: RevisionGraph.build(revisions), saveCaches: () => compiled?.save() };
}
