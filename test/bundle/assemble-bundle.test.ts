import { describe, expect, it, vi } from 'vitest';
import { formattingOnce } from '../../src/bundle/assemble-bundle.js';
import type { RenderSettings } from '../../src/compile/render-range.js';

describe('the formatter of a bundle', () => {
  it('formats each statement once, though the combined and the per-revision scripts both lay it out', () => {
    const format = vi.fn((sql: string) => sql.toUpperCase());
    const settings = formattingOnce({ format } as unknown as RenderSettings);
    expect([settings.format!('select ?'), settings.format!('select ?'), settings.format!('delete ?')]).toEqual(['SELECT ?', 'SELECT ?', 'DELETE ?']);
    expect(format.mock.calls).toEqual([['select ?'], ['delete ?']]);
  });

  it('stays absent with --no-format', () => {
    expect(formattingOnce({} as RenderSettings).format).toBeUndefined();
  });
});
