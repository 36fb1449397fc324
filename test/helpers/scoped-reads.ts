import { afterEach, describe, expect, it } from 'vitest';
import type { EmbeddedEngine } from '../../src/engines/engine.js';

/**
 * One test per case: its scripts run one after another on a fresh engine, and after each the
 * engine's scoped snapshot (only what the script names read again) must deep-equal a full read.
 */
export function describeScopedReads(title: string, open: () => Promise<EmbeddedEngine>, cases: Record<string, readonly string[]>): void {
  describe(title, () => {
    let engine: EmbeddedEngine | undefined;
    afterEach(() => engine?.close());

    for (const [name, scripts] of Object.entries(cases)) {
      it(name, async () => {
        engine = await open();
        await engine.snapshot();
        for (const script of scripts) {
          expect(await engine.apply(script, 'step.sql'), script).toMatchObject({ ok: true });
          expect(await engine.snapshot(), `after: ${script}`).toEqual(await engine.snapshot({ fresh: true }));
        }
      });
    }
  });
}
