import * as Args from '@oclif/core/args';
import { ScriptCommand, type ScriptResult } from '../cli/script-command.js';
import { singleTransactionFlag } from '../cli/shared-flags.js';

export default class Upgrade extends ScriptCommand {
  static override summary = 'Render the upgrade script for a range of revisions.';
  static override description = 'RANGE is FROM:TO, or one specifier meaning base:TO. Each revision runs in its own transaction (or one for all with --single-transaction); the version table is created when the range starts at base and stamped after every revision.';
  static override examples = ['<%= config.bin %> upgrade head --sql', '<%= config.bin %> upgrade base:head --sql --dialect mysql --out upgrade.sql', '<%= config.bin %> upgrade 3f2a:loyalty@head --sql'];
  static override args = { range: Args.string({ description: 'FROM:TO or TO (from base)', default: 'heads' }) };
  static override flags = {
    ...ScriptCommand.flags,
    'single-transaction': singleTransactionFlag,
  };

  async run(): Promise<ScriptResult> {
    const { args, flags } = await this.parse(Upgrade);
    return this.renderScript({ command: 'upgrade', range: args.range, singleTransaction: flags['single-transaction'] }, flags);
  }
}
