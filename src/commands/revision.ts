import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from '../cli/base-command.js';
import { ResolutionError } from '../errors.js';
import type { Project } from '../project.js';
import type { NewRevision, NewRevisionRequest } from '../scaffold/new-revision.js';

export default class Revision extends SqlgenCommand {
  static override summary = 'Create a new revision file from templates/revision.ts.hbs (or .js.hbs, .sql.hbs).';
  static override description = 'The new revision goes on top of the single head, or of --head. Branching from a revision that is not a head needs --splice, as in Alembic. If the project keeps revisions/sqlgen.sum, it must match the revisions (run `sqlgen hash` after reviewing changes) and is rewritten to include the new one.';
  static override examples = [
    '<%= config.bin %> revision -m "add orders"',
    '<%= config.bin %> revision -m "index orders" --sql',
    '<%= config.bin %> revision -m "add orders" --format js',
    '<%= config.bin %> revision -m "start reporting branch" --head base --branch-label reporting',
  ];
  static override flags = {
    message: Flags.string({ char: 'm', summary: 'What the revision does (one line).', required: true }),
    head: Flags.string({ summary: 'Parent revision specifier (default: head).', default: 'head' }),
    splice: Flags.boolean({ summary: 'Allow --head to name a revision that is not a head (starts a branch).' }),
    format: Flags.string({ summary: 'The kind of revision file: TypeScript, JavaScript (for projects without TypeScript) or plain SQL.', options: ['ts', 'js', 'sql'], default: 'ts', exclusive: ['sql'] }),
    sql: Flags.boolean({ summary: 'Write a plain SQL revision (same as --format sql).', exclusive: ['format'] }),
    'rev-id': Flags.string({ summary: 'Use this id instead of a random one.' }),
    'branch-label': Flags.string({ summary: 'Branch label for the new revision.', multiple: true, default: [] }),
    'depends-on': Flags.string({ summary: 'Revision (specifier) the new one depends on.', multiple: true, default: [] }),
  };

  async run(): Promise<NewRevision> {
    const { flags } = await this.parse(Revision);
    const project = await this.openProject(flags);
    const parents = parentsFor(project, flags.head, flags.splice);
    const { writeNewRevision } = await import('../scaffold/new-revision.js');
    const created = await writeNewRevision(project, {
      message: flags.message,
      parents,
      format: flags.sql ? 'sql' : (flags.format as NewRevisionRequest['format']),
      ...(flags['rev-id'] && { id: flags['rev-id'] }),
      branchLabels: flags['branch-label'],
      dependsOn: flags['depends-on'].map((spec) => project.graph.resolveOne(spec)?.id).filter((id): id is string => id !== undefined),
    });
    this.logToStderr(`Generating ${created.file} ... done`);
    if (created.sumFile) this.logToStderr(`Updating ${created.sumFile} ... done`);
    return created;
  }
}

function parentsFor(project: Project, head: string, splice: boolean): string[] {
  const parent = project.graph.resolveOne(head);
  if (parent && !splice && !project.graph.isHead(parent.id)) {
    throw new ResolutionError('BAD_SPECIFIER', head, `${parent.id} is not a head; a new revision on it would start a branch`, 'pass --splice to branch on purpose, or name a head (sqlgen heads)');
  }
  return parent ? [parent.id] : [];
}
