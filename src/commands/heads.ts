import { SqlgenCommand } from '../cli/base-command.js';
import { historyLine, markers, revisionBlock } from '../cli/revision-text.js';
import { summarize, type RevisionSummary } from '../revisions/summary.js';

export default class Heads extends SqlgenCommand {
  static override summary = 'List the head revisions.';
  static override examples = ['<%= config.bin %> heads', '<%= config.bin %> heads --verbose'];

  async run(): Promise<{ heads: RevisionSummary[] }> {
    const { flags } = await this.parse(Heads);
    const { graph } = await this.openProject(flags);
    const heads = graph.heads().map((revision) => summarize(graph, revision));
    this.log(heads.map((head) => (flags.verbose ? revisionBlock(head) + '\n' : `${head.id}${markers(head)}`)).join('\n'));
    if (heads.length > 1 && !flags.verbose) this.logToStderr(`${heads.length} heads; merge them with \`sqlgen merge -m MSG heads\`\n` + heads.map(historyLine).join('\n'));
    return { heads };
  }
}
