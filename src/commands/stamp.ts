import * as Args from '@oclif/core/args';
import { ScriptCommand, type ScriptResult } from '../cli/script-command.js';

export default class Stamp extends ScriptCommand {
  static override summary = 'Render only the version-table statements that move a database from FROM to TO.';
  static override description =
    'For databases whose schema is already at TO. `stamp TO` is `stamp base:TO`: it creates the version table and inserts one row per revision TO names (heads gives one row per head). `stamp FROM:TO` re-stamps a database at FROM, as `alembic stamp --sql FROM:TO`; `stamp FROM:base` deletes the rows and drops the table.';
  static override examples = ['<%= config.bin %> stamp head --sql', '<%= config.bin %> stamp 1a2b3c4d5e6f:head', '<%= config.bin %> stamp heads --sql --dialect mssql'];
  static override args = { rev: Args.string({ description: 'TO, or FROM:TO (revision specifiers)', required: true }) };
  static override flags = ScriptCommand.flags;

  async run(): Promise<ScriptResult> {
    const { args, flags } = await this.parse(Stamp);
    return this.renderScript({ command: 'stamp', range: args.rev }, flags);
  }
}
