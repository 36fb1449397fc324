import { describe, expect, it } from 'vitest';
import { SnapshotChain } from '../../src/engines/snapshot-chain.js';
import type { Snapshot } from '../../src/schema/snapshot.js';

/** A reader that counts its reads and returns a snapshot naming which read it was. */
function countingReader() {
  const reads: string[] = [];
  const snapshot = (label: string) => ({ label }) as unknown as Snapshot;
  return {
    reads,
    reader: {
      full: async () => (reads.push('full'), snapshot(`full ${reads.length}`)),
      scope: async (statements: readonly string[]) => (statements.length > 0 ? statements : undefined),
      after: async (previous: Snapshot, scope: readonly string[]) => (reads.push(`after ${(previous as unknown as { label: string }).label}`), snapshot(`scoped ${scope.join(',')}`)),
    },
  };
}

describe('SnapshotChain', () => {
  it('scopes a read to the statements applied since the last read without `fresh`', async () => {
    const { reads, reader } = countingReader();
    const chain = new SnapshotChain(reader);
    await chain.snapshot();
    chain.applied(['alter table a']);
    await chain.snapshot();
    expect(reads).toEqual(['full', 'after full 1']);
  });

  // Autogenerate reads the declared schema first, fresh, on the engine it then brings to head:
  // that read must not become the base a later scoped read starts from.
  it('never takes a fresh read as the base, even when it is the first', async () => {
    const { reads, reader } = countingReader();
    const chain = new SnapshotChain(reader);
    chain.applied(['create table declared']);
    await chain.snapshot({ fresh: true });
    chain.applied(['create table head']);
    await chain.snapshot();
    chain.applied(['alter table head']);
    await chain.snapshot();
    expect(reads).toEqual(['full', 'full', 'after full 2']);
  });
});
