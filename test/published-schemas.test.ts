import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema, manifestSchemaV1, manifestSchemaV2 } from '../src/bundle/manifest.js';
import { configFileSchema } from '../src/config/schema.js';
import { REPO_ROOT } from './helpers/run-cli.js';

/**
 * The JSON Schemas sqlgen publishes in schemas/ (shipped in the package, linked from the README)
 * are the ones it validates with. `UPDATE_GOLDEN=1 npm test` rewrites them after a change.
 */
describe.each([
  ['schemas/bundle-manifest-1.json', manifestSchemaV1],
  ['schemas/bundle-manifest-2.json', manifestSchemaV2],
  ['schemas/bundle-manifest-3.json', manifestSchema],
  ['schemas/config.json', configFileSchema],
] as const)('%s', (file, schema) => {
  it('is the schema sqlgen validates with', () => {
    const published = path.join(REPO_ROOT, file);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || (!existsSync(published) && !process.env.CI)) {
      mkdirSync(path.dirname(published), { recursive: true });
      writeFileSync(published, text);
    }
    expect(readFileSync(published, 'utf8')).toBe(text);
  });
});
