import type { Snapshot } from '../schema/snapshot.js';
import type { SnapshotOptions } from './engine.js';

/** An engine's catalog reader as a chain uses it: a full read, and one scoped to what statements name. */
export interface ScopedReader<Scope> {
  full(): Promise<Snapshot>;
  /** What the statements may have changed, or undefined when only a full read will do. */
  scope(statements: readonly string[]): Promise<Scope | undefined>;
  after(previous: Snapshot, scope: Scope): Promise<Snapshot>;
}

/**
 * The snapshots an engine reads one after another: after the first, only what the statements
 * applied since the last one name is read again, where the reader can scope them. A fresh read
 * leaves the chain alone, so the snapshots after it still share the unchanged tables with those
 * before it (and a diff of two passes over them stays cheap).
 */
export class SnapshotChain<Scope> {
  /** The last snapshot read without `fresh`, and the statements applied since (taken as run, even if one failed). */
  private last: Snapshot | undefined;
  private unread: string[] = [];

  constructor(private readonly reader: ScopedReader<Scope>) {}

  applied(statements: readonly string[]): void {
    this.unread.push(...statements);
  }

  async snapshot(options: SnapshotOptions = {}): Promise<Snapshot> {
    if (options.fresh) return this.reader.full();
    const scope = this.last && (await this.reader.scope(this.unread));
    this.unread = [];
    this.last = scope ? await this.reader.after(this.last!, scope) : await this.reader.full();
    return this.last;
  }
}
