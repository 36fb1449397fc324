import { CompileError, SqlgenError, stackLocation } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';
import type { Revision } from '../revisions/types.js';
import { ShadowSchema } from './shadow-schema.js';
import { rebuildTable, type TableRebuild } from './sqlite-rebuild.js';
import type { Statement } from './statement.js';

/** What a revision recorded: statements, and table rebuilds still to be derived. */
export type RecordedStep = Statement | TableRebuild;

/**
 * Follows a script as it is rendered, so that a table rebuild can see the schema built so far.
 * The shadow database is opened only when the first rebuild appears: it then replays the
 * revisions below the range (`replayPrelude`) and the statements rendered before, and from then
 * on every statement as it is rendered.
 */
export class ShadowTracker {
  private shadow?: ShadowSchema;
  private backlog: Array<{ statement: Statement; revision: Revision }> = [];

  constructor(
    private readonly dialect: Dialect,
    /** Settles, through this tracker, the upgrades that build the schema the range starts from. */
    private readonly replayPrelude: (tracker: ShadowTracker) => Promise<void>,
  ) {}

  /** The revision's statements, its rebuilds rendered against the schema as it stands. */
  async settle(steps: readonly RecordedStep[], revision: Revision): Promise<Statement[]> {
    if (!this.shadow && !steps.some(isTableRebuild)) {
      for (const statement of steps as Statement[]) this.backlog.push({ statement, revision });
      return steps as Statement[];
    }
    const shadow = await this.open();
    const statements: Statement[] = [];
    for (const step of steps) {
      for (const statement of isTableRebuild(step) ? await this.rebuild(step, shadow, revision) : [step]) {
        shadow.apply(statement, revision);
        statements.push(statement);
      }
    }
    return statements;
  }

  /** The rebuild's statements; a failure names the revision line that asked for it. */
  private async rebuild(step: TableRebuild, shadow: ShadowSchema, revision: Revision): Promise<Statement[]> {
    const recordedAt = stackLocation(step.recordedAt, revision.file);
    try {
      const statements = await rebuildTable(step, shadow, this.dialect);
      return recordedAt ? statements.map((statement) => ({ ...statement, source: { ...recordedAt, verbatim: false } })) : statements;
    } catch (error) {
      if (error instanceof SqlgenError) throw error;
      const line = recordedAt?.line;
      const where = line ? `${revision.file}:${line}` : revision.file;
      throw new CompileError(
        'REVISION_FAILED',
        `${where}: ${step.operation}: cannot rebuild the table on SQLite: ${(error as Error).message}`,
        'check the table and column names against the schema the earlier revisions build',
        { file: revision.file, ...(line && { line }) },
        { cause: error },
      );
    }
  }

  private async open(): Promise<ShadowSchema> {
    if (this.shadow) return this.shadow;
    this.shadow = await ShadowSchema.open(this.dialect);
    const rendered = this.backlog;
    this.backlog = [];
    await this.replayPrelude(this);
    for (const { statement, revision } of rendered) this.shadow.apply(statement, revision);
    return this.shadow;
  }
}

export function isTableRebuild(step: RecordedStep): step is TableRebuild {
  return step.kind === 'table-rebuild';
}
