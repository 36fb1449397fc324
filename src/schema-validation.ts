import AjvModule, { type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';

// ajv ships CommonJS; under NodeNext its default export arrives wrapped.
const Ajv = AjvModule.default;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });

/** Compiles a JSON Schema once; the returned function narrows its argument to `T`. */
export function compileSchema<T>(schema: JSONSchemaType<T>): ValidateFunction<T> {
  return ajv.compile(schema);
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
