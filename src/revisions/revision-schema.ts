import type { JSONSchemaType } from 'ajv';
import { DIALECT_IDS, type DialectId } from '../dialects/dialect-id.js';
import { compileSchema } from '../schema-validation.js';

/**
 * Revision ids: 4 to 40 lowercase letters or digits. No `_` (the file name splits on the first
 * one), no `-`/`+` (they mean relative steps in specifiers), and not a reserved word.
 */
export const REVISION_ID_PATTERN = '^(?!(?:base|head|heads)$)[0-9a-z]{4,40}$';
/** Branch labels may use `-`, but may not end like a relative step (`name-2`). */
export const BRANCH_LABEL_PATTERN = '^(?!(?:base|head|heads)$)(?!.*[-+][0-9]+$)[A-Za-z][A-Za-z0-9_.-]{0,63}$';
/** A dependency names a revision by id or by a branch label (the revision that declares it, as in Alembic). */
export const DEPENDENCY_PATTERN = '^(?!(?:base|head|heads)$)(?:[0-9a-z]{4,40}|(?!.*[-+][0-9]+$)[A-Za-z][A-Za-z0-9_.-]{0,63})$';
/** Lint rule ids are kebab-case; whether the rule exists is checked when linting. */
const LINT_RULE_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Messages end up in SQL comments: a line break there would end the comment. */
const MESSAGE_PATTERN = '^[^\\u0000-\\u001f\\u007f]*$';

/** The metadata of a revision, whichever file format it came from. */
export interface RevisionMetadata {
  id: string;
  parents: string[];
  message: string;
  dependsOn: string[];
  branchLabels: string[];
  dialect?: DialectId;
  /** Lint rules that do not apply to this revision (a reviewed exception, e.g. a planned drop). */
  lintDisable: string[];
}

const idList = { type: 'array', items: { type: 'string', pattern: REVISION_ID_PATTERN }, uniqueItems: true } as const;

export const revisionMetadataSchema: JSONSchemaType<RevisionMetadata> = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'parents', 'message', 'dependsOn', 'branchLabels', 'lintDisable'],
  properties: {
    id: { type: 'string', pattern: REVISION_ID_PATTERN },
    parents: idList,
    message: { type: 'string', maxLength: 500, pattern: MESSAGE_PATTERN },
    dependsOn: { type: 'array', items: { type: 'string', pattern: DEPENDENCY_PATTERN }, uniqueItems: true },
    branchLabels: { type: 'array', items: { type: 'string', pattern: BRANCH_LABEL_PATTERN }, uniqueItems: true },
    dialect: { type: 'string', enum: [...DIALECT_IDS], nullable: true },
    lintDisable: { type: 'array', items: { type: 'string', pattern: LINT_RULE_ID_PATTERN }, uniqueItems: true },
  },
};

export const validateRevisionMetadata = compileSchema(revisionMetadataSchema);

/** What a pattern failure means, in words, for error messages. */
export const PATTERN_HINTS: Record<string, string> = {
  [REVISION_ID_PATTERN]: 'ids are 4-40 lowercase letters or digits (e.g. 3f2a9c1b7d4e), not base/head/heads',
  [BRANCH_LABEL_PATTERN]: 'labels start with a letter, use letters, digits, _ . -, and do not end in -N or +N',
  [DEPENDENCY_PATTERN]: 'dependencies are revision ids or branch labels',
  [MESSAGE_PATTERN]: 'messages are one line, without control characters',
  [LINT_RULE_ID_PATTERN]: 'lint rule ids are kebab-case, e.g. ban-drop-column',
};
