import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from '../config/load-config.js';
import { IntegrityError } from '../errors.js';
import { projectRelativePath } from '../project-path.js';
import type { RevisionGraph } from '../revisions/graph.js';
import type { Revision } from '../revisions/types.js';
import { SUM_FILE_NAME, type SumEntry } from './sum-file.js';

/** Where a project's sum file is: absolute, and as messages show it. */
export interface SumLocation {
  file: string;
  shown: string;
}

export function sumLocation(config: Pick<ProjectConfig, 'revisionsDir' | 'projectRoot'>): SumLocation {
  const file = path.join(config.revisionsDir, SUM_FILE_NAME);
  return { file, shown: projectRelativePath(config.projectRoot, file) };
}

/**
 * The entries a sum records, in the graph's apply order (`sqlgen upgrade base:heads`): every
 * revision after its parents and dependencies, ties broken by id as {@link RevisionGraph}
 * documents, each followed by the local modules it imports that no earlier revision imports.
 * The digests are of the files' bytes as the loader read them.
 */
export function sumEntries(graph: RevisionGraph<Revision>): SumEntry[] {
  const listed = new Set<string>();
  return graph.all().flatMap((revision) => {
    const imports = revision.localImports.filter(({ file }) => !listed.has(file));
    imports.forEach(({ file }) => listed.add(file));
    return [{ file: revision.file, sha256: revision.sourceSha256 }, ...imports.map(({ file, sha256 }) => ({ file, sha256, importedBy: revision.file }))];
  });
}

/** The sum file's text, or null when there is none. */
export function readSumText({ file, shown }: SumLocation): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new IntegrityError('SUM_UNREADABLE', `${shown}: cannot read the sum file (${code ?? 'error'})`, 'check its permissions', { file: shown });
  }
}
