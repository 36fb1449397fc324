// Compiles each of sqlgen's JSON schemas into dist/validators/<schema key>.cjs after the build,
// with ajv's standalone code generation: the CLI then neither loads ajv nor compiles schemas on
// each run, and loads only the validators the run uses (see compileSchema in
// src/schema-validation.ts).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { manifestSchema, manifestSchemaV1, manifestSchemaV2 } from '../dist/bundle/manifest.js';
import { configFileSchema } from '../dist/config/schema.js';
import { revisionMetadataSchema } from '../dist/revisions/revision-schema.js';
import { AJV_OPTIONS, schemaKey } from '../dist/schema-validation.js';

const folder = new URL('../dist/validators/', import.meta.url);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder);
for (const schema of [configFileSchema, revisionMetadataSchema, manifestSchema, manifestSchemaV2, manifestSchemaV1]) {
  const ajv = new Ajv.default({ ...AJV_OPTIONS, code: { source: true } });
  ajv.addSchema(schema, 'validate');
  writeFileSync(new URL(`${schemaKey(schema)}.cjs`, folder), standaloneCode.default(ajv, { validate: 'validate' }));
}
