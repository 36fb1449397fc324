import type { Interfaces } from '@oclif/core';
import { Command } from '@oclif/core/command';
import * as Flags from '@oclif/core/flags';
import type { ConfigSources } from '../config/load-config.js';
import type { Project } from '../project.js';
import { describeFailure, formatFailure } from './failure.js';

/**
 * Every sqlgen command: `--json` output, `--config` and `--verbose`, and one place where errors
 * become a message, a hint and an exit code (see the README's "Exit codes").
 */
export abstract class SqlgenCommand extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    config: Flags.string({ summary: 'Path to sqlgen.config.json (default: ./sqlgen.config.json).', env: 'SQLGEN_CONFIG', helpGroup: 'GLOBAL' }),
    verbose: Flags.boolean({ summary: 'Show more detail, and stack traces on errors.', helpGroup: 'GLOBAL' }),
  };

  /** Where the project's settings come from: this process's directory, environment and flags. */
  protected configSources(flags: { config?: string; dialect?: string }): ConfigSources {
    return { cwd: process.cwd(), env: process.env, flags: { config: flags.config, dialect: flags.dialect } };
  }

  /**
   * The user's project: config, revisions and graph. Imported on demand so that `--help` and
   * `--version` stay near oclif's own start-up time.
   */
  protected async openProject(flags: { config?: string; dialect?: string }): Promise<Project> {
    const { openProject } = await import('../project.js');
    this.project = await openProject(this.configSources(flags));
    return this.project;
  }

  private project?: Project;

  /** After the command, failed or not: what it compiled is kept for the next run. */
  protected override async finally(error: Error | undefined): Promise<unknown> {
    this.project?.saveCaches();
    return super.finally(error);
  }

  protected override async catch(error: Interfaces.CommandError): Promise<never> {
    const failure = describeFailure(error, this.argv.includes('--verbose'), this.id ?? '');
    if (!failure) return super.catch(error) as Promise<never>;
    if (this.jsonEnabled()) this.logJson({ error: failure });
    else this.logToStderr(formatFailure(failure));
    return this.exit(failure.exitCode);
  }
}
