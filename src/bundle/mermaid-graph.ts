/**
 * A bundle's part of the revision graph as a Mermaid `graph` diagram for the handoff README:
 * its revisions in upgrade order, top to bottom, with the revisions it builds on (already
 * applied) drawn dashed, and dependencies as dashed arrows. Deterministic: the order of the input.
 */

/** A bundled revision as the diagram shows it, in upgrade order. */
export interface DiagramRevision {
  id: string;
  parents: readonly string[];
  dependsOn: readonly string[];
  branchLabels: readonly string[];
  message: string;
}

/**
 * The diagram's lines (without the ```mermaid fence).
 *
 * @example
 * mermaidGraph([{ id: 'bbbb', parents: ['aaaa'], dependsOn: [], branchLabels: [], message: 'add' }], 'bbbb')
 * // ['graph TD', '  r_aaaa(["aaaa<br/>already applied"]):::applied', '  r_bbbb["bbbb (to)<br/>add"]', '  r_aaaa --> r_bbbb', ...]
 */
export function mermaidGraph(revisions: readonly DiagramRevision[], to: string): string[] {
  const inBundle = new Set(revisions.map((revision) => revision.id));
  const outside = [...new Set(revisions.flatMap((revision) => [...revision.parents, ...revision.dependsOn]).filter((id) => !inBundle.has(id)))];
  const startsFromBase = revisions.some((revision) => revision.parents.length === 0);
  const nodes = [
    ...(startsFromBase ? ['  base(["base: an empty database"]):::applied'] : []),
    ...outside.map((id) => `  ${node(id)}(["${id}<br/>already applied"]):::applied`),
    ...revisions.map((revision) => {
      const refs = [...(revision.id === to ? ['to'] : []), ...revision.branchLabels];
      return `  ${node(revision.id)}["${revision.id}${refs.length > 0 ? ` (${refs.join(', ')})` : ''}<br/>${escaped(revision.message)}"]`;
    }),
  ];
  const edges = revisions.flatMap((revision) => [
    ...(revision.parents.length === 0 ? [`  base --> ${node(revision.id)}`] : revision.parents.map((parent) => `  ${node(parent)} --> ${node(revision.id)}`)),
    ...revision.dependsOn.map((dependency) => `  ${node(dependency)} -. depends on .-> ${node(revision.id)}`),
  ]);
  return ['graph TD', ...nodes, ...edges, '  classDef applied stroke-dasharray: 4 4'];
}

/** A node id Mermaid takes whatever the revision id is (`end` and ids starting with digits included). */
function node(id: string): string {
  return `r_${id}`;
}

/** Text inside a quoted Mermaid label: quotes and markup as entity codes, one line. */
function escaped(text: string): string {
  return text.replaceAll('#', '#35;').replaceAll('"', '#quot;').replaceAll('<', '#lt;').replaceAll('>', '#gt;').replace(/\r?\n/g, ' ');
}
