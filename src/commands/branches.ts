import { SqlgenCommand } from '../cli/base-command.js';
import { branchBlock } from '../cli/revision-text.js';
import { summarize, type RevisionSummary } from '../revisions/summary.js';

export default class Branches extends SqlgenCommand {
  static override summary = 'List branch points and the revisions they branch into.';
  static override examples = ['<%= config.bin %> branches'];

  async run(): Promise<{ branchPoints: Array<RevisionSummary & { branches: RevisionSummary[] }> }> {
    const { flags } = await this.parse(Branches);
    const { graph } = await this.openProject(flags);
    const branchPoints = graph.branchPoints().map((point) => ({
      ...summarize(graph, point),
      branches: graph.children(point.id).map((child) => summarize(graph, child)),
    }));
    this.log(branchPoints.map((point) => branchBlock(point, point.branches)).join('\n\n'));
    return { branchPoints };
  }
}
