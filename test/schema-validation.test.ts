import Ajv from 'ajv';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema, manifestSchemaV1, manifestSchemaV2 } from '../src/bundle/manifest.js';
import { configFileSchema } from '../src/config/schema.js';
import { revisionMetadataSchema } from '../src/revisions/revision-schema.js';
import { AJV_OPTIONS, compileSchema, schemaKey } from '../src/schema-validation.js';
import { REPO_ROOT } from './helpers/run-cli.js';

const require = createRequire(import.meta.url);

/** Values each schema refuses in its own way, and one it may accept. */
const SAMPLES: unknown[] = [{}, { dialect: 5 }, { unknown: true }, [], 'text', null, { id: 'a1', parents: [], message: 'm' }];

/** The build ships each schema's validator as its own file (scripts/compile-validators.js); the CLI loads only the one a run needs. */
describe.each([
  ['config', configFileSchema],
  ['revision metadata', revisionMetadataSchema],
  ['bundle manifest 3', manifestSchema],
  ['bundle manifest 2', manifestSchemaV2],
  ['bundle manifest 1', manifestSchemaV1],
] as const)('the %s validator the build compiled', (_name, schema) => {
  it('judges as ajv compiling the schema does, with the same errors', () => {
    const shipped = (require(path.join(REPO_ROOT, 'dist', 'validators', `${schemaKey(schema)}.cjs`)) as { validate: Ajv.ValidateFunction }).validate;
    const compiled = new Ajv.default(AJV_OPTIONS).compile(schema);
    for (const sample of SAMPLES) {
      expect(shipped(sample), JSON.stringify(sample)).toBe(compiled(sample));
      expect(shipped.errors).toEqual(compiled.errors);
    }
  });
});

describe('compileSchema', () => {
  it("gives each call's errors, as ajv's own validator does, though it compiles on first use", () => {
    const validate = compileSchema(configFileSchema);
    const compiled = new Ajv.default(AJV_OPTIONS).compile(configFileSchema);
    for (const sample of [{ dialect: 5 }, { dialect: 'postgresql' }, { unknown: true }, {}]) {
      expect(validate(sample), JSON.stringify(sample)).toBe(compiled(sample));
      expect(validate.errors).toEqual(compiled.errors);
    }
  });
});
