import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ErrorObject, JSONSchemaType, Options, ValidateFunction } from 'ajv';

type Ajv = InstanceType<typeof import('ajv').default>;

const require = createRequire(import.meta.url);

export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

let ajv: Ajv | undefined;

/**
 * A validator for a JSON Schema; it narrows its argument to `T`, and after a call its `errors`
 * are that call's, as with ajv's own. The schema is compiled (or its precompiled validator
 * loaded) on first use: modules make their validators as they load, and most runs use one or
 * two of them (loading the manifests' cost lint and upgrade 7 ms).
 */
export function compileSchema<T>(schema: JSONSchemaType<T>): ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  const validate = ((data: unknown) => {
    compiled ??= compileNow(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction<T>;
  return validate;
}

function compileNow<T>(schema: JSONSchemaType<T>): ValidateFunction<T> {
  const precompiled = precompiledValidator(schemaKey(schema));
  if (precompiled) return precompiled as ValidateFunction<T>;
  ajv ??= new (require('ajv') as typeof import('ajv')).default(AJV_OPTIONS);
  return ajv.compile(schema);
}

/** Names a schema by its content, so that an edited schema never meets a stale validator. */
export function schemaKey(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);
}

/**
 * The validator `npm run build` compiled for the schema with ajv's standalone code
 * (scripts/compile-validators.js), one file per schema named by {@link schemaKey}: loading ajv
 * and compiling the schemas cost every run 50-90 ms, and loading all five validators for the
 * one a run needs (the config file's) 9 ms. Running from src/ (the tests) there are none, and
 * ajv compiles the same schemas.
 */
function precompiledValidator(key: string): ValidateFunction | undefined {
  try {
    return (require(`./validators/${key}.cjs`) as { validate: ValidateFunction }).validate;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * One line per problem: the JSON pointer of the bad value and what was expected,
 * e.g. `/versionTable/name: must be string` or `/colour: unknown key (allowed: dialect, url, ...)`.
 */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined, patternHints: Record<string, string> = {}): string {
  return (errors ?? []).map((error) => `  ${pointerOf(error)}: ${expectation(error, patternHints)}`).join('\n');
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${String(error.params.additionalProperty)}`;
  }
  return error.instancePath || '/';
}

function expectation(error: ErrorObject, patternHints: Record<string, string>): string {
  switch (error.keyword) {
    case 'pattern':
      return patternHints[String(error.params.pattern)] ?? error.message ?? 'invalid value';
    case 'additionalProperties':
      return `unknown key (allowed: ${allowedKeys(error).join(', ')})`;
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'propertyNames':
      return `invalid key ${JSON.stringify(error.params.propertyName)}`;
    default:
      return error.message ?? error.keyword;
  }
}

function allowedKeys(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.keys(properties ?? {});
}
