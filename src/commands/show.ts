import * as Args from '@oclif/core/args';
import { SqlgenCommand } from '../cli/base-command.js';
import { revisionBlock } from '../cli/revision-text.js';
import { summarize, type RevisionSummary } from '../revisions/summary.js';

export default class Show extends SqlgenCommand {
  static override summary = 'Show one or more revisions in detail.';
  static override description = 'REV is any specifier: a full id, a unique prefix of 4+ characters, head, heads, LABEL@head, REV+N, REV-N.';
  static override examples = ['<%= config.bin %> show head', '<%= config.bin %> show 3f2a', '<%= config.bin %> show shop@head --json'];
  static override args = { rev: Args.string({ description: 'revision specifier', required: true }) };

  async run(): Promise<{ revisions: RevisionSummary[] }> {
    const { args, flags } = await this.parse(Show);
    const { graph } = await this.openProject(flags);
    const revisions = graph.resolve(args.rev).map((revision) => summarize(graph, revision));
    this.log(revisions.length > 0 ? revisions.map(revisionBlock).join('\n\n') : '<base>: before the first revision');
    return { revisions };
  }
}
