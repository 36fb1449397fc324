import * as Args from '@oclif/core/args';
import { ScriptCommand, type ScriptResult } from '../cli/script-command.js';

export default class Stamp extends ScriptCommand {
  static override summary = 'Render only the version-table statements that mark a database as being at REV.';
  static override description = 'Creates the version table and inserts one row per revision REV names (heads gives one row per head), for databases whose schema is already at REV.';
  static override examples = ['<%= config.bin %> stamp head --sql', '<%= config.bin %> stamp heads --sql --dialect mssql'];
  static override args = { rev: Args.string({ description: 'revision specifier', required: true }) };
  static override flags = ScriptCommand.flags;

  async run(): Promise<ScriptResult> {
    const { args, flags } = await this.parse(Stamp);
    return this.renderScript({ command: 'stamp', range: args.rev }, flags);
  }
}
