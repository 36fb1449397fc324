import type { RevisionGraph } from './graph.js';
import type { Revision } from './types.js';

/** A revision with its place in the graph: the `--json` shape of history, heads, branches, show. */
export interface RevisionSummary {
  id: string;
  parents: string[];
  children: string[];
  dependsOn: string[];
  branchLabels: string[];
  message: string;
  file: string;
  format: Revision['format'];
  dialect?: string;
  isBase: boolean;
  isHead: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
}

export function summarize(graph: RevisionGraph<Revision>, revision: Revision): RevisionSummary {
  const { id, parents, dependsOn, branchLabels, message, file, format, dialect } = revision;
  return {
    id,
    parents,
    children: graph.children(id).map((child) => child.id),
    dependsOn,
    branchLabels,
    message,
    file,
    format,
    ...(dialect && { dialect }),
    isBase: graph.isBase(id),
    isHead: graph.isHead(id),
    isBranchPoint: graph.isBranchPoint(id),
    isMergePoint: graph.isMergePoint(id),
  };
}
