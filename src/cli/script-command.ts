import * as Flags from '@oclif/core/flags';
import { SqlgenCommand } from './base-command.js';
import { dialectFlag, guardsFlag } from './shared-flags.js';
import type { ScriptRequest } from '../compile/project-scripts.js';

/** What upgrade, downgrade and stamp return: `--json` gets the script and what it covers. */
export interface ScriptResult {
  dialect: string;
  range: string;
  revisions: string[];
  /** Where the script was written with --out; otherwise it is in `sql`. */
  file?: string;
  sql?: string;
}

/** The shared shape of the commands that render a script: flags, rendering, stdout or --out. */
export abstract class ScriptCommand extends SqlgenCommand {
  static override flags = {
    sql: Flags.boolean({ summary: 'Render SQL (the only mode: sqlgen never connects; accepted for Alembic habits).', default: true, allowNo: false }),
    dialect: dialectFlag,
    out: Flags.string({ char: 'o', summary: 'Write the script to this file instead of stdout.' }),
    format: Flags.boolean({ summary: 'Format statements with sql-formatter (--no-format to skip).', allowNo: true }),
    guards: guardsFlag,
  };

  protected async renderScript(request: Omit<ScriptRequest, 'format' | 'guards'>, flags: { config?: string; dialect?: string; out?: string; format?: boolean; guards?: boolean }): Promise<ScriptResult> {
    const project = await this.openProject(flags);
    const { renderProjectScript } = await import('../compile/project-scripts.js');
    const script = await renderProjectScript(project, {
      ...request,
      ...(flags.format !== undefined && { format: flags.format }),
      ...(flags.guards !== undefined && { guards: flags.guards }),
    });
    const result: ScriptResult = { dialect: project.config.dialect, range: request.range, revisions: script.revisions.map((revision) => revision.id) };
    this.logToStderr(`${request.command} ${request.range}: ${script.revisions.length} revision(s), ${project.config.dialect}`);
    if (flags.out) {
      const { writeFileAtomically } = await import('../output/write-file.js');
      writeFileAtomically(flags.out, script.sql);
      this.logToStderr(`wrote ${flags.out}`);
      return { ...result, file: flags.out };
    }
    this.log(script.sql.replace(/\n$/, ''));
    return { ...result, sql: script.sql };
  }
}
