import { CompileError, SqlgenError, stackLocation } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';
import type { Revision } from '../revisions/types.js';
import { ShadowSchema } from './shadow-schema.js';
import { rebuildTable, type TableRebuild } from './sqlite-rebuild.js';
import type { Statement } from './statement.js';

/** What a revision recorded: statements, and table rebuilds still to be derived. */
export type RecordedStep = Statement | TableRebuild;

/**
 * Follows a SQLite script as it is rendered: every statement runs on the shadow schema, so one
 * SQLite would reject fails the render instead of the DBA's run, and a table rebuild sees the
 * schema built so far. On first use the shadow replays the revisions below the range
 * (`replayPrelude`).
 */
export class ShadowTracker {
  private shadow?: ShadowSchema;

  constructor(
    private readonly dialect: Dialect,
    /** Settles, through this tracker, the upgrades that build the schema the range starts from. */
    private readonly replayPrelude: (tracker: ShadowTracker) => Promise<void>,
  ) {}

  /** The revision's statements, each run on the shadow, its rebuilds rendered against the schema as it stands. */
  async settle(steps: readonly RecordedStep[], revision: Revision): Promise<Statement[]> {
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

  /** The shadow is assigned before the prelude replays, which settles through this tracker too. */
  private async open(): Promise<ShadowSchema> {
    if (this.shadow) return this.shadow;
    this.shadow = await ShadowSchema.open(this.dialect);
    await this.replayPrelude(this);
    return this.shadow;
  }
}

export function isTableRebuild(step: RecordedStep): step is TableRebuild {
  return step.kind === 'table-rebuild';
}
