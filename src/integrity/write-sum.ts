import { IntegrityError } from '../errors.js';
import { writeFileAtomically } from '../output/write-file.js';
import type { Project } from '../project.js';
import { diffSum, type FileChange } from './compare-sum.js';
import { readSumText, sumEntries, sumLocation } from './project-sum.js';
import { buildSum, formatSum, parseSumOrError } from './sum-file.js';

/** What `sqlgen hash` did to the sum file. */
export interface SumUpdate {
  /** The sum file, project-relative. */
  file: string;
  /** `replaced`: the old file was not a sum (conflict markers, say), so no changes are listed. */
  status: 'created' | 'updated' | 'replaced' | 'unchanged';
  /** Revision files added, edited or removed since the old sum; every file when it is created. */
  changes: FileChange[];
  revisions: number;
  /** The header's total: the chained digest over every revision file. */
  total: string;
}

/**
 * Rewrites the project's sum file from its revision files (atomically, and only when the bytes
 * change), and says what changed since the old one.
 */
export function writeSum(project: Pick<Project, 'config' | 'graph'>): SumUpdate {
  const location = sumLocation(project.config);
  const entries = sumEntries(project.graph);
  const sum = buildSum(entries);
  const text = formatSum(sum);
  const before = readSumText(location);
  if (before !== text) writeFileAtomically(location.file, text);
  const result = { file: location.shown, revisions: entries.length, total: sum.total };
  if (before === null) return { ...result, status: 'created', changes: diffSum([], entries) };
  if (before === text) return { ...result, status: 'unchanged', changes: [] };
  const previous = parseSumOrError(before, location.shown);
  if (previous instanceof IntegrityError) return { ...result, status: 'replaced', changes: [] };
  return { ...result, status: 'updated', changes: diffSum(previous.records, entries) };
}
