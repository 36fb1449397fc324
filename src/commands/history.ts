import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';
import { graphLabel, historyLine, revisionBlock } from '../cli/revision-text.js';
import { drawGraph } from '../revisions/draw-graph.js';
import { RevisionGraph } from '../revisions/graph.js';
import { summarize, type RevisionSummary } from '../revisions/summary.js';

export default class History extends SqlgenCommand {
  static override summary = 'List revisions, newest first.';
  static override description = 'Shows the revision graph from the heads down to the base, with branch and merge points marked. A range limits it, as in Alembic.';
  static override examples = ['<%= config.bin %> history', '<%= config.bin %> history --graph', '<%= config.bin %> history -r base:head --verbose', '<%= config.bin %> history -r 1a2b:heads --json'];
  static override flags = {
    rev: Flags.string({ char: 'r', summary: 'Range FROM:TO of revision specifiers (either side may be empty).', default: 'base:heads' }),
    graph: Flags.boolean({ summary: 'Draw the graph as `git log --graph` does: lanes, merges, branch points; dependencies as "-.->".' }),
  };

  async run(): Promise<{ revisions: RevisionSummary[]; graph?: string[] }> {
    const { flags } = await this.parse(History);
    const { graph } = await this.openProject(flags);
    const { from, to } = RevisionGraph.parseRange(flags.rev);
    const revisions = graph.upgradeRange(from, to).reverse().map((revision) => summarize(graph, revision));
    if (flags.graph) {
      const drawing = drawGraph(revisions.map((revision) => ({ id: revision.id, parents: revision.parents, label: graphLabel(revision) })));
      this.log(drawing.join('\n'));
      return { revisions, graph: drawing };
    }
    this.log(revisions.map((revision) => (flags.verbose ? revisionBlock(revision) + '\n' : historyLine(revision))).join('\n'));
    return { revisions };
  }
}
