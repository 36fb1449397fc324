// Compiles sqlgen's JSON schemas into dist/validators.cjs after the build, with ajv's standalone
// code generation: the CLI then neither loads ajv nor compiles schemas on each run (see
// compileSchema in src/schema-validation.ts).
import { writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { manifestSchema, manifestSchemaV1, manifestSchemaV2 } from '../dist/bundle/manifest.js';
import { configFileSchema } from '../dist/config/schema.js';
import { revisionMetadataSchema } from '../dist/revisions/revision-schema.js';
import { AJV_OPTIONS, schemaKey } from '../dist/schema-validation.js';

const ajv = new Ajv.default({ ...AJV_OPTIONS, code: { source: true } });
const exports = {};
for (const schema of [configFileSchema, revisionMetadataSchema, manifestSchema, manifestSchemaV2, manifestSchemaV1]) {
  const key = schemaKey(schema);
  ajv.addSchema(schema, key);
  exports[key] = key;
}
writeFileSync(new URL('../dist/validators.cjs', import.meta.url), standaloneCode.default(ajv, exports));
