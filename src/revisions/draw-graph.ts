/**
 * The revision graph drawn in the terminal as `git log --graph` draws commits: one lane per line
 * of descent, `*` for a revision, `|` for a lane going on, `\` where a merge opens a lane for its
 * other parent, `/` where lanes join at a branch point. Pure and deterministic: the same nodes in
 * the same order give the same text.
 */

/** A revision as the drawing needs it; `parents` outside the drawn nodes end their lane. */
export interface GraphNode {
  id: string;
  parents: readonly string[];
  /** The text after the lanes on the revision's row. */
  label: string;
}

/** One lane's move between two rows: where it is, and where it must get to. */
interface LaneMove {
  from: number;
  to: number;
}

/**
 * The drawing, one string per line, for nodes in topological order, newest first (children
 * before parents), as `history` lists them.
 *
 * @example
 * drawGraph([{ id: 'b', parents: ['a'], label: 'b' }, { id: 'a', parents: [], label: 'a' }]) // ['* b', '* a']
 */
export function drawGraph(nodes: readonly GraphNode[]): string[] {
  const drawn = new Set(nodes.map((node) => node.id));
  const lines: string[] = [];
  let lanes: string[] = [];
  for (const node of nodes) {
    let column = lanes.indexOf(node.id);
    if (column === -1) {
      lanes.push(node.id);
      column = lanes.length - 1;
    }
    // Children that reached this revision by other lanes join its lane (a branch point).
    const joins = lanes.map((id, index) => id === node.id && index !== column);
    const targets = lanes.map((_, index) => (joins[index] ? column : index - joins.slice(0, index).filter(Boolean).length));
    lines.push(...transition(targets.map((to, from) => ({ from, to }))));
    lanes = lanes.filter((_, index) => !joins[index]);
    lines.push(`${lanes.map((_, index) => (index === column ? '*' : '|')).join(' ')} ${node.label}`.trimEnd());
    // The revision's lane goes on to its first parent; a merge opens a lane per other parent.
    const parents = node.parents.filter((parent) => drawn.has(parent));
    const next = [...lanes.slice(0, column), ...parents, ...lanes.slice(column + 1)];
    const moves: LaneMove[] = [
      ...lanes.slice(0, column).map((_, index) => ({ from: index, to: index })),
      ...parents.map((_, index) => ({ from: column, to: column + index })),
      ...lanes.slice(column + 1).map((_, index) => ({ from: column + 1 + index, to: column + parents.length + index })),
    ];
    lines.push(...transition(moves));
    lanes = next;
  }
  return lines;
}

/** The lines that bring each lane from where it is to where it goes, one column per line. */
function transition(moves: readonly LaneMove[]): string[] {
  const lines: string[] = [];
  const at = moves.map((move) => move.from);
  while (moves.some((move, index) => at[index] !== move.to)) {
    const row: string[] = [];
    const put = (position: number, char: string) => {
      while (row.length <= position) row.push(' ');
      if (row[position] === ' ' || char !== '|') row[position] = char;
    };
    moves.forEach((move, index) => {
      const position = at[index]!;
      if (move.to < position) {
        put(2 * position - 1, '/');
        at[index] = position - 1;
      } else if (move.to > position) {
        put(2 * position + 1, '\\');
        at[index] = position + 1;
      } else put(2 * position, '|');
    });
    lines.push(row.join('').trimEnd());
  }
  return lines;
}
