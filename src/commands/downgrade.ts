import * as Args from '@oclif/core/args';
import { ScriptCommand, type ScriptResult } from '../cli/script-command.js';
import { singleTransactionFlag } from '../cli/shared-flags.js';

export default class Downgrade extends ScriptCommand {
  static override summary = 'Render the rollback script from one revision down to another.';
  static override description = 'RANGE is FROM:TO with FROM above TO; revisions are undone in reverse order, and the version table follows. TO may be base, or relative: head:-1.';
  static override examples = ['<%= config.bin %> downgrade head:base --sql', '<%= config.bin %> downgrade head:-1 --sql --dialect sqlite'];
  static override args = { range: Args.string({ description: 'FROM:TO', required: true }) };
  static override flags = {
    ...ScriptCommand.flags,
    'single-transaction': singleTransactionFlag,
  };

  async run(): Promise<ScriptResult> {
    const { args, flags } = await this.parse(Downgrade);
    return this.renderScript({ command: 'downgrade', range: args.range, singleTransaction: flags['single-transaction'] }, flags);
  }
}
