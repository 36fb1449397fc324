import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../src/regexp.js';

describe('escapeRegExp', () => {
  it('matches every character a pattern gives meaning to as itself, and nothing else', () => {
    const special = '.*+?^${}()|[]\\';
    const pattern = new RegExp(`^${escapeRegExp(`a${special}b`)}$`);
    expect(pattern.test(`a${special}b`)).toBe(true);
    expect(pattern.test(`a${special.replace('.', 'x')}b`)).toBe(false);
    expect(new RegExp(escapeRegExp('schema.orders')).test('schemaXorders')).toBe(false);
  });
});
