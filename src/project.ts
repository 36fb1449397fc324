import { loadConfig, type ConfigSources, type ProjectConfig } from './config/load-config.js';
import { limitRevisionTime } from './compile/run-isolated.js';
import { RevisionGraph } from './revisions/graph.js';
import { loadRevisions } from './revisions/load-revisions.js';
import type { Revision } from './revisions/types.js';

/** A user's project as every command sees it: its configuration and its revision graph. */
export interface Project {
  config: ProjectConfig;
  graph: RevisionGraph<Revision>;
}

/** Loads the config, every revision file, and builds (and so validates) the graph. */
export async function openProject(sources: ConfigSources): Promise<Project> {
  const config = loadConfig(sources);
  limitRevisionTime(config.revisionTimeoutSeconds);
  const revisions = await loadRevisions(config.revisionsDir, config.projectRoot);
  return { config, graph: RevisionGraph.build(revisions) };
}
