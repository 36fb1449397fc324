import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/failure.js';

describe('describeFailure of something that is not an Error', () => {
  it('shows a thrown object by its fields, not as [object Object]', () => {
    expect(describeFailure({ status: 1, reason: 'Aborted(OOM)' }, false)?.message).toBe('internal error: {"status":1,"reason":"Aborted(OOM)"}');
  });

  it('shows a thrown string as it is, and an object that cannot be written as JSON by its kind', () => {
    expect(describeFailure('out of memory', false)?.message).toBe('internal error: out of memory');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeFailure(cyclic, false)?.message).toBe('internal error: [object Object] (self)');
  });
});
