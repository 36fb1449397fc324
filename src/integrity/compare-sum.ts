import type { IntegrityProblem } from './problems.js';
import { firstBrokenLine, type SumEntry, type SumFile, type SumRecord } from './sum-file.js';

/**
 * How a file differs from what the sum recorded; `line` is the record's line in the sum, and
 * `importedBy` the revision that imports it, for a local module rather than a revision.
 */
export interface FileChange {
  file: string;
  change: 'added' | 'edited' | 'removed';
  line?: number;
  importedBy?: string;
}

/**
 * The files added, edited and removed since `recorded` was written: added and edited ones in
 * the order of `current` (the graph's), then removed ones in the sum's order.
 *
 * @example
 * diffSum(parseSum(text, shown).records, currentEntries) // [{ file: 'revisions/b2_x.ts', change: 'edited', line: 3 }]
 */
export function diffSum(recorded: readonly SumRecord[], current: readonly SumEntry[]): FileChange[] {
  const byFile = new Map(recorded.map((record) => [record.file, record]));
  const present = new Set(current.map((entry) => entry.file));
  const changes: FileChange[] = [];
  const importer = (entry: SumEntry) => (entry.importedBy === undefined ? {} : { importedBy: entry.importedBy });
  for (const entry of current) {
    const record = byFile.get(entry.file);
    if (!record) changes.push({ file: entry.file, change: 'added', ...importer(entry) });
    else if (record.sha256 !== entry.sha256) changes.push({ file: entry.file, change: 'edited', line: record.line, ...importer(entry) });
  }
  for (const record of recorded) {
    if (!present.has(record.file)) changes.push({ file: record.file, change: 'removed', line: record.line, ...importer(record) });
  }
  return changes;
}

/**
 * Everything wrong between the revision files (`current`, in graph order) and the sum file
 * (`recorded`, shown as `sumFile`): each added, edited and removed file; a chain that does not
 * add up; and, when the files all match, records in another order than the graph's.
 */
export function compareSum(allCurrent: readonly SumEntry[], recorded: SumFile, sumFile: string): IntegrityProblem[] {
  // Version 1 recorded revision files only: compare those, and say that imports go unchecked.
  const current = recorded.version === 1 ? allCurrent.filter((entry) => entry.importedBy === undefined) : allCurrent;
  const problems = diffSum(recorded.records, current).map((change) => changeProblem(change, sumFile));
  const broken = firstBrokenLine(recorded);
  if (broken !== undefined) {
    problems.push({
      code: 'sum-mismatch',
      file: sumFile,
      line: broken,
      message: `${sumFile}:${broken}: the chained digest does not follow from the lines before it; the file was edited by hand`,
      hint: 'check the revision files against the ones you expect, then run `sqlgen hash` to rewrite it',
    });
  }
  if (problems.length === 0 && !sameOrder(recorded.records, current)) {
    problems.push({
      code: 'sum-out-of-order',
      file: sumFile,
      line: 2,
      message: `${sumFile} lists the revisions in another order than the graph applies them`,
      hint: 'run `sqlgen hash` to rewrite it in graph order',
    });
  }
  if (recorded.version === 1) {
    problems.push({
      code: 'sum-old-format',
      file: sumFile,
      line: 1,
      message: `${sumFile} is in format 1, which does not record the local modules revisions import, so a changed helper goes unnoticed`,
      hint: 'check the revisions, then run `sqlgen hash` to rewrite it in format 2',
    });
  }
  return problems;
}

function changeProblem(fileChange: FileChange, sumFile: string): IntegrityProblem {
  const { file, change, line, importedBy } = fileChange;
  if (importedBy !== undefined) return importProblem(fileChange, importedBy, sumFile);
  switch (change) {
    case 'added':
      return { code: 'revision-added', file, message: `${file} was added but is not in ${sumFile}`, hint: `review it, then run \`sqlgen hash\` to record it` };
    case 'edited':
      return {
        code: 'revision-edited',
        file,
        message: `${file} was edited since ${sumFile}:${line} recorded it`,
        hint: 'if no database has applied it yet, run `sqlgen hash`; otherwise restore it and make the change in a new revision',
      };
    case 'removed':
      return { code: 'revision-removed', file: sumFile, line, message: `${file} was removed but ${sumFile}:${line} still lists it`, hint: `restore ${file}, or run \`sqlgen hash\` if removing it is intended` };
  }
}

function sameOrder(recorded: readonly SumRecord[], current: readonly SumEntry[]): boolean {
  return recorded.every((record, index) => record.file === current[index]?.file);
}

/** A local module a revision imports, added, edited or removed: named with the revision that imports it. */
function importProblem({ file, change, line }: FileChange, importedBy: string, sumFile: string): IntegrityProblem {
  const what = `${file} (imported by ${importedBy})`;
  switch (change) {
    case 'added':
      return { code: 'import-added', file, message: `${what} is not in ${sumFile}`, hint: 'review it, then run `sqlgen hash` to record it' };
    case 'edited':
      return {
        code: 'import-edited',
        file,
        message: `${what} was edited since ${sumFile}:${line} recorded it; the SQL of ${importedBy} may have changed`,
        hint: 'if no database has applied the revisions that import it, run `sqlgen hash`; otherwise restore it and make the change in a new revision',
      };
    case 'removed':
      return { code: 'import-removed', file: sumFile, line, message: `${what} is no longer imported or is gone, but ${sumFile}:${line} still lists it`, hint: 'restore it, or run `sqlgen hash` if that is intended' };
  }
}
