import { SqlgenCommand } from '../cli/base-command.js';
import { dialectFlag } from '../cli/shared-flags.js';
import { isDialectId } from '../dialects/dialect-id.js';
import type { ScaffoldEntry } from '../scaffold/init-project.js';

export default class Init extends SqlgenCommand {
  static override summary = 'Create sqlgen.config.json, revisions/, templates/ and output/ here.';
  static override description = 'Never overwrites: what exists already is kept and reported as kept.';
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init --dialect mysql'];
  static override flags = { dialect: dialectFlag };

  async run(): Promise<{ entries: ScaffoldEntry[] }> {
    const { flags } = await this.parse(Init);
    const dialect = flags.dialect && isDialectId(flags.dialect) ? flags.dialect : undefined;
    const { initProject } = await import('../scaffold/init-project.js');
    const entries = initProject(process.cwd(), dialect);
    this.log(entries.map((entry) => `${entry.action.padEnd(8)}${entry.path}`).join('\n'));
    return { entries };
  }
}
