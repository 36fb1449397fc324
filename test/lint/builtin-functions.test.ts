import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the built-in function volatility table', () => {
  it("is PostgreSQL's own pg_catalog, as PGlite reports it today", () => {
    expect(execFileSync(process.execPath, ['scripts/builtin-functions.js', '--check'], { encoding: 'utf8' })).toBe('builtin-functions.ts is current\n');
  });
});
