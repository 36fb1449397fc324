import type { IntegrityProblem } from './problems.js';
import { firstBrokenLine, type SumEntry, type SumFile, type SumRecord } from './sum-file.js';

/** How a revision file differs from what the sum recorded; `line` is the record's line in the sum. */
export interface FileChange {
  file: string;
  change: 'added' | 'edited' | 'removed';
  line?: number;
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
  for (const entry of current) {
    const record = byFile.get(entry.file);
    if (!record) changes.push({ file: entry.file, change: 'added' });
    else if (record.sha256 !== entry.sha256) changes.push({ file: entry.file, change: 'edited', line: record.line });
  }
  for (const record of recorded) {
    if (!present.has(record.file)) changes.push({ file: record.file, change: 'removed', line: record.line });
  }
  return changes;
}

/**
 * Everything wrong between the revision files (`current`, in graph order) and the sum file
 * (`recorded`, shown as `sumFile`): each added, edited and removed file; a chain that does not
 * add up; and, when the files all match, records in another order than the graph's.
 */
export function compareSum(current: readonly SumEntry[], recorded: SumFile, sumFile: string): IntegrityProblem[] {
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
  return problems;
}

function changeProblem({ file, change, line }: FileChange, sumFile: string): IntegrityProblem {
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
