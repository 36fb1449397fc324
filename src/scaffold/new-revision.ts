import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RevisionFileError, WriteError } from '../errors.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { keepsCurrentSum } from '../integrity/check-integrity.js';
import { writeSum } from '../integrity/write-sum.js';
import { RevisionGraph } from '../revisions/graph.js';
import { loadRevisionFiles } from '../revisions/load-revisions.js';
import type { Revision } from '../revisions/types.js';
import { describeSchemaErrors } from '../schema-validation.js';
import { PATTERN_HINTS, validateRevisionMetadata, type RevisionMetadata } from '../revisions/revision-schema.js';
import type { Project } from '../project.js';
import { projectRelativePath } from '../project-path.js';
import { renderCodeTemplate, templatePath } from '../output/templates.js';

export interface NewRevisionRequest {
  message: string;
  parents: string[];
  format: 'ts' | 'js' | 'sql';
  /** Chosen by the user (`--rev-id`); otherwise 12 random hex digits, as Alembic does. */
  id?: string;
  dependsOn?: string[];
  branchLabels?: string[];
  /** For SQL revisions written for one dialect. */
  dialect?: DialectId;
}

export interface NewRevision {
  id: string;
  parents: string[];
  message: string;
  /** Project-relative path of the written file. */
  file: string;
  /** The sum file, when the project keeps one and it was rewritten to include the new revision. */
  sumFile?: string;
}

/** The text of a new revision file and where it goes, not yet written. */
export interface RevisionDraft {
  metadata: RevisionMetadata;
  /** Absolute path of the file to write. */
  target: string;
  /** The template it was rendered from. */
  template: string;
  text: string;
}

/** Renders `revision.<format>.hbs` for the request, with `body` as the upgrade and downgrade when given. */
export function draftRevision(project: Project, request: NewRevisionRequest, body: { upgrade: string; downgrade: string } = { upgrade: '', downgrade: '' }): RevisionDraft {
  const metadata = checkedMetadata(request);
  if (project.graph.has(metadata.id)) {
    throw new WriteError(`revision id ${metadata.id} already exists`, 'choose another --rev-id, or leave it out for a random one');
  }
  const { revisionsDir, templatesDir } = project.config;
  const target = path.join(revisionsDir, `${metadata.id}_${slugOf(metadata.message)}.${request.format}`);
  const template = templatePath(`revision.${request.format}.hbs`, templatesDir);
  const text = renderCodeTemplate(template, { ...metadata, dialect: request.dialect ?? null, isMerge: metadata.parents.length > 1, ...body });
  return { metadata, target, template, text };
}

/**
 * Renders `revision.<format>.hbs` into `<id>_<slug>.<format>` in the revisions folder. The
 * written file is loaded back at once: a template that yields an invalid revision is an error,
 * and the file is removed again. When the project keeps `revisions/sqlgen.sum`, it must match
 * the revisions beforehand (SUM_OUT_OF_DATE otherwise) and is rewritten to include the new one;
 * a project without one does not get one.
 */
export async function writeNewRevision(project: Project, request: NewRevisionRequest): Promise<NewRevision> {
  return writeDraft(project, draftRevision(project, request));
}

/** Writes a drafted revision (see {@link writeNewRevision}). */
export async function writeDraft(project: Project, draft: RevisionDraft): Promise<NewRevision> {
  const { metadata, target, template, text } = draft;
  const keepSum = keepsCurrentSum(project);
  const { revisionsDir, projectRoot } = project.config;
  mkdirSync(revisionsDir, { recursive: true });
  const shown = projectRelativePath(projectRoot, target);
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    throw new WriteError(`${shown}: cannot write (${(error as NodeJS.ErrnoException).code})`, 'a file of that name exists, or the folder is not writable', { file: shown });
  }
  const revision = await loadBack(target, projectRoot, template);
  const created = { id: metadata.id, parents: metadata.parents, message: metadata.message, file: shown };
  // A revision the graph refuses (a branch label in use, say) would break every later command.
  let graph: RevisionGraph<Revision>;
  try {
    graph = RevisionGraph.build([...project.graph.all(), revision]);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
  if (!keepSum) return created;
  const sum = writeSum({ config: project.config, graph });
  return { ...created, sumFile: sum.file };
}

function checkedMetadata(request: NewRevisionRequest): RevisionMetadata {
  const candidate = {
    id: request.id ?? randomBytes(6).toString('hex'),
    parents: request.parents,
    message: request.message,
    dependsOn: request.dependsOn ?? [],
    branchLabels: request.branchLabels ?? [],
    lintDisable: [],
  };
  if (validateRevisionMetadata(candidate)) return candidate;
  throw new RevisionFileError('REVISION_INVALID', `invalid new revision:\n${describeSchemaErrors(validateRevisionMetadata.errors, PATTERN_HINTS)}`, 'fix the message, --rev-id or labels', {});
}

/** Alembic-style slug: lowercase words joined by `_`, cut at a word boundary near 40 characters. */
export function slugOf(message: string): string {
  // Accents go (Ü → u), letters of any script stay: "Ünïcode" is unicode, not n_code.
  const plain = message.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words = plain.match(/[\p{L}\p{N}]+/gu) ?? [];
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}_${word}` : word;
    if (next.length > 40 && slug) break;
    slug = next.slice(0, 40);
  }
  return slug || 'revision';
}

async function loadBack(target: string, projectRoot: string, template: string): Promise<Revision> {
  try {
    const [revision] = await loadRevisionFiles([target], projectRoot);
    return revision!;
  } catch (error) {
    rmSync(target, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new RevisionFileError('REVISION_INVALID', `the template ${template} produced an invalid revision: ${reason}`, 'fix the template; nothing was written', { file: template });
  }
}
