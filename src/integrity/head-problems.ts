import type { RevisionGraph } from '../revisions/graph.js';
import type { IntegrityProblem } from './problems.js';

/**
 * One `multiple-heads` problem per head when the graph has several and the config does not
 * allow that, each at the head's file. Cycles and missing parents never get here: the graph
 * cannot be built with them, and loading the project reports them as a GraphError.
 */
export function headProblems(graph: RevisionGraph, allowMultipleHeads: boolean): IntegrityProblem[] {
  const heads = graph.heads();
  if (heads.length < 2 || allowMultipleHeads) return [];
  const ids = heads.map((head) => head.id).join(', ');
  return heads.map((head) => ({
    code: 'multiple-heads',
    file: head.file,
    message: `revision ${head.id} is one of ${heads.length} heads (${ids})`,
    hint: 'join them with `sqlgen merge -m MSG`, or set "allowMultipleHeads": true in sqlgen.config.json if the branches are meant to stay apart',
  }));
}
