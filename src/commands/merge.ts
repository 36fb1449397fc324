import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';
import { ResolutionError } from '../errors.js';
import type { NewRevision } from '../scaffold/new-revision.js';

export default class Merge extends SqlgenCommand {
  static override summary = 'Create a merge revision joining two or more revisions (default: all heads).';
  static override description = 'If the project keeps revisions/sqlgen.sum, it must match the revisions (run `sqlgen hash` after reviewing changes) and is rewritten to include the merge.';
  static override examples = ['<%= config.bin %> merge -m "merge loyalty and reporting"', '<%= config.bin %> merge -m "merge" 5b8d 6e0a'];
  static override strict = false;
  static override args = { revs: Args.string({ description: 'revision specifiers to merge (default: heads)' }) };
  static override flags = {
    message: Flags.string({ char: 'm', summary: 'What the merge is for (one line).', required: true }),
    'rev-id': Flags.string({ summary: 'Use this id instead of a random one.' }),
    sql: Flags.boolean({ summary: 'Write the merge as a plain SQL revision.' }),
  };

  async run(): Promise<NewRevision> {
    const { argv, flags } = await this.parse(Merge);
    const project = await this.openProject(flags);
    const specifiers = argv.length > 0 ? (argv as string[]) : ['heads'];
    const parents = [...new Set(specifiers.flatMap((spec) => project.graph.resolve(spec).map((revision) => revision.id)))];
    if (parents.length < 2) {
      throw new ResolutionError('BAD_SPECIFIER', specifiers.join(' '), `nothing to merge: ${specifiers.join(' ')} names ${parents.length} revision(s)`, 'name two or more revisions, or run `sqlgen heads` to see what there is');
    }
    const { writeNewRevision } = await import('../scaffold/new-revision.js');
    const created = await writeNewRevision(project, { message: flags.message, parents, format: flags.sql ? 'sql' : 'ts', ...(flags['rev-id'] && { id: flags['rev-id'] }) });
    this.logToStderr(`Generating ${created.file} ... done`);
    if (created.sumFile) this.logToStderr(`Updating ${created.sumFile} ... done`);
    return created;
  }
}
