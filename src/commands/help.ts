import * as Args from '@oclif/core/args';
import { Command } from '@oclif/core/command';

/** `sqlgen help upgrade`, as git and npm have it; the same text as `sqlgen upgrade --help`. */
export default class Help extends Command {
  static override summary = 'Show help for sqlgen or for one command.';
  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help upgrade'];
  static override args = { command: Args.string({ description: 'The command to explain.', required: false }) };
  static override strict = false;

  async run(): Promise<void> {
    // Loaded here: oclif's help module is large, and every other command starts without it.
    const { loadHelpClass } = await import('@oclif/core/help');
    const HelpClass = await loadHelpClass(this.config);
    await new HelpClass(this.config).showHelp(this.argv);
  }
}
