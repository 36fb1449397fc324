import type { JSONSchemaType } from 'ajv';
import { DIALECT_IDS, type DialectId } from '../dialects/dialect-id.js';
import { SEVERITIES, type Severity } from '../lint/types.js';
import { compileSchema, describeSchemaErrors } from '../schema-validation.js';

/** The manifest format this sqlgen writes; `verify` refuses formats it does not know. */
export const MANIFEST_FORMAT = 'sqlgen-bundle/3';
/** The format before rehearsals; `verify` still checks such bundles (not `--rebuild`). */
export const MANIFEST_FORMAT_2 = 'sqlgen-bundle/2';
/** The format before version guards; `verify` still checks such bundles (not `--rebuild`). */
export const MANIFEST_FORMAT_1 = 'sqlgen-bundle/1';

/** A file of the bundle and the SHA-256 of its bytes (lowercase hex). */
export interface FileDigest {
  file: string;
  sha256: string;
}

export interface ManifestRevision {
  /** 1-based place in the upgrade order; the NNNN of the per-revision file names. */
  position: number;
  id: string;
  parents: string[];
  message: string;
  /** The revision's source file, project-relative, with the SHA-256 of its bytes. */
  source: FileDigest;
  upgrade: FileDigest;
  downgrade: FileDigest;
  /**
   * The lint rules the revision turned off for itself (its `lintDisable`), when any: `sqlgen lint`
   * on the bundle turns them off for this revision's script too, so it agrees with the manifest.
   */
  lintDisable?: string[];
}

/**
 * `manifest.json`: what a bundle is. Everything in it is derived from the revisions and the
 * sqlgen version, so the same input gives the same bytes; nothing time-dependent goes in.
 */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** The bundle's folder name when it was written (the folder may be renamed since). */
  name: string;
  /** The tools whose versions shaped the SQL. */
  generator: { sqlgen: string; knex: string; sqlFormatter: string };
  dialect: DialectId;
  /** The revision the bundle starts from, or `base` (an empty database). */
  from: string;
  /** The revision the bundle ends at. */
  to: string;
  /** The change ticket the bundle is for (`--ticket`), when given. */
  ticket?: string;
  scripts: { upgrade: FileDigest; downgrade: FileDigest };
  revisions: ManifestRevision[];
  /** Whether each script checks the version table before it changes anything (off with --no-guards). */
  guards: boolean;
  /** What `sqlgen lint` found in the per-revision upgrade scripts. */
  lint: ManifestLint;
  /** Whether and where the scripts were rehearsed, and how it went. */
  rehearsal: ManifestRehearsal;
  /** Every file of the bundle but the manifest, its signature and SHA256SUMS, by path. */
  files: FileDigest[];
}

/** How a bundle was rehearsed on an embedded engine (src/rehearse/). */
export interface ManifestRehearsal {
  status: 'passed' | 'failed' | 'not rehearsable' | 'skipped' | 'unavailable';
  /** The engine and its version, when one ran. */
  engine?: string;
  /** The seed file (project-relative) and the SHA-256 of its bytes, when one was run. */
  seed?: FileDigest;
  /** Why it was skipped, unavailable or not rehearsable, or what failed. */
  detail?: string;
  /** True when a failed rehearsal did not stop the bundle (--allow-rehearsal-failure). */
  failureAllowed: boolean;
}

/** A `sqlgen-bundle/2` manifest: the same fields but `rehearsal`. */
export interface ManifestV2 extends Omit<Manifest, 'format' | 'rehearsal'> {
  format: typeof MANIFEST_FORMAT_2;
}

/** A `sqlgen-bundle/1` manifest: the fields of version 2 but `guards`, which its unguarded scripts lacked. */
export interface ManifestV1 extends Omit<Manifest, 'format' | 'guards' | 'revisions' | 'lint' | 'rehearsal'> {
  format: typeof MANIFEST_FORMAT_1;
  revisions: Array<Omit<ManifestRevision, 'lintDisable'>>;
  lint: Omit<ManifestLint, 'suppressed'>;
}

/** A manifest as `verify` reads it: the current format or an older one. */
export type AnyManifest = Manifest | ManifestV2 | ManifestV1;

/** The lint findings of a bundle, located in its per-revision upgrade scripts. */
export interface ManifestLint {
  counts: Record<Severity, number>;
  /** True when the bundle was written with --allow-lint-errors, which lets error findings through. */
  errorsAllowed: boolean;
  findings: ManifestFinding[];
  /** Findings a revision's `lintDisable` silenced, when any: reviewed, not counted, shown to the DBA. */
  suppressed?: ManifestFinding[];
}

/** A finding located in a per-revision upgrade script of the bundle. */
export interface ManifestFinding {
  revision: string;
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
}

/** A bundle's folder name: safe in every file system, shell and archive. */
export const BUNDLE_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$';

const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const bundlePath = { type: 'string', pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\\\u0000]+$' } as const;
const fileDigest = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'sha256'],
  properties: { file: bundlePath, sha256 },
} as const;
const revisionId = { type: 'string', pattern: '^[0-9a-z]{4,40}$' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const lintRuleId = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } as const;
const manifestFinding = {
  type: 'object',
  additionalProperties: false,
  required: ['revision', 'ruleId', 'severity', 'message', 'file', 'line', 'column'],
  properties: {
    revision: revisionId,
    ruleId: lintRuleId,
    severity: { type: 'string', enum: [...SEVERITIES] },
    message: { type: 'string' },
    file: bundlePath,
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
  },
} as const;

const revisionItem = {
  type: 'object',
  additionalProperties: false,
  required: ['position', 'id', 'parents', 'message', 'source', 'upgrade', 'downgrade'],
  properties: {
    position: { type: 'integer', minimum: 1 },
    id: revisionId,
    parents: { type: 'array', items: revisionId },
    message: { type: 'string' },
    source: fileDigest,
    upgrade: fileDigest,
    downgrade: fileDigest,
  },
} as const;

const lintV1 = {
  type: 'object',
  additionalProperties: false,
  required: ['counts', 'errorsAllowed', 'findings'],
  properties: {
    counts: {
      type: 'object',
      additionalProperties: false,
      required: ['error', 'warning', 'info'],
      properties: { error: count, warning: count, info: count },
    },
    errorsAllowed: { type: 'boolean' },
    findings: { type: 'array', items: manifestFinding },
  },
} as const;

/** The published JSON Schema of a `sqlgen-bundle/1` manifest (schemas/bundle-manifest-1.json). */
export const manifestSchemaV1: JSONSchemaType<ManifestV1> = {
  $id: 'https://sqlgen.dev/schemas/bundle-manifest-1.json',
  title: 'sqlgen bundle manifest',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'name', 'generator', 'dialect', 'from', 'to', 'scripts', 'revisions', 'lint', 'files'],
  properties: {
    format: { type: 'string', const: MANIFEST_FORMAT_1 },
    name: { type: 'string', pattern: BUNDLE_NAME_PATTERN },
    generator: {
      type: 'object',
      additionalProperties: false,
      required: ['sqlgen', 'knex', 'sqlFormatter'],
      properties: { sqlgen: { type: 'string' }, knex: { type: 'string' }, sqlFormatter: { type: 'string' } },
    },
    dialect: { type: 'string', enum: [...DIALECT_IDS] },
    from: revisionId,
    to: revisionId,
    ticket: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f]+$', nullable: true },
    scripts: {
      type: 'object',
      additionalProperties: false,
      required: ['upgrade', 'downgrade'],
      properties: { upgrade: fileDigest, downgrade: fileDigest },
    },
    revisions: { type: 'array', minItems: 1, items: revisionItem },
    lint: lintV1,
    files: { type: 'array', items: fileDigest },
  },
};

/**
 * The published JSON Schema of a `sqlgen-bundle/2` manifest (schemas/bundle-manifest-2.json):
 * version 1, `guards`, and the optional `revisions[].lintDisable` and `lint.suppressed`.
 */
export const manifestSchemaV2 = {
  ...manifestSchemaV1,
  $id: 'https://sqlgen.dev/schemas/bundle-manifest-2.json',
  required: [...manifestSchemaV1.required.slice(0, 8), 'guards', ...manifestSchemaV1.required.slice(8)],
  properties: {
    ...manifestSchemaV1.properties,
    format: { type: 'string', const: MANIFEST_FORMAT_2 },
    revisions: {
      type: 'array',
      minItems: 1,
      items: { ...revisionItem, properties: { ...revisionItem.properties, lintDisable: { type: 'array', items: lintRuleId, minItems: 1, uniqueItems: true } } },
    },
    guards: { type: 'boolean' },
    lint: { ...lintV1, properties: { ...lintV1.properties, suppressed: { type: 'array', items: manifestFinding, minItems: 1 } } },
  },
} as unknown as JSONSchemaType<ManifestV2>;

const rehearsalRecord = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'failureAllowed'],
  properties: {
    status: { type: 'string', enum: ['passed', 'failed', 'not rehearsable', 'skipped', 'unavailable'] },
    engine: { type: 'string', minLength: 1 },
    seed: { type: 'object', additionalProperties: false, required: ['file', 'sha256'], properties: { file: { type: 'string', minLength: 1 }, sha256 } },
    detail: { type: 'string' },
    failureAllowed: { type: 'boolean' },
  },
} as const;

/**
 * The published JSON Schema of `manifest.json` (schemas/bundle-manifest-3.json): version 2 and
 * `rehearsal`, how the scripts were rehearsed on an embedded engine.
 */
export const manifestSchema = {
  ...manifestSchemaV2,
  $id: 'https://sqlgen.dev/schemas/bundle-manifest-3.json',
  required: [...manifestSchemaV2.required.slice(0, -1), 'rehearsal', 'files'],
  properties: { ...manifestSchemaV2.properties, format: { type: 'string', const: MANIFEST_FORMAT }, rehearsal: rehearsalRecord },
} as unknown as JSONSchemaType<Manifest>;

const validators = {
  [MANIFEST_FORMAT]: compileSchema(manifestSchema),
  [MANIFEST_FORMAT_2]: compileSchema(manifestSchemaV2),
  [MANIFEST_FORMAT_1]: compileSchema(manifestSchemaV1),
} as const;

/** The text of a manifest.json as a manifest of a format sqlgen knows, or what is wrong with it. */
export function parseManifest(text: string): { manifest: AnyManifest } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON: ${(error as Error).message}` };
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  const validate = format === MANIFEST_FORMAT_1 || format === MANIFEST_FORMAT_2 ? validators[format] : validators[MANIFEST_FORMAT];
  if (validate(parsed)) return { manifest: parsed };
  return { problem: `does not match the manifest schema of ${String(format ?? MANIFEST_FORMAT)}:\n${describeSchemaErrors(validate.errors)}` };
}

/** The manifest's exact bytes: two-space JSON, keys in the interface's order, a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
