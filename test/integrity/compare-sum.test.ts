import { describe, expect, it } from 'vitest';
import { compareSum, diffSum } from '../../src/integrity/compare-sum.js';
import { buildSum, formatSum, parseSum, type SumEntry } from '../../src/integrity/sum-file.js';
import { SUM, entries, entry } from './sum-fixtures.js';

/** The sum file `sqlgen hash` would have written for these entries, as read back. */
const recorded = (written: SumEntry[]) => parseSum(formatSum(buildSum(written)), SUM);
const codes = (problems: ReturnType<typeof compareSum>) => problems.map((problem) => problem.code);

describe('compareSum', () => {
  it('finds nothing when the files are the ones recorded, in graph order', () => {
    const current = entries('aaaa', 'bbbb', 'cccc');
    expect(compareSum(current, recorded(current), SUM)).toEqual([]);
  });

  it('names an edited revision and the sum line that recorded it', () => {
    const edited = [entry('aaaa'), entry('bbbb', 'changed\n'), entry('cccc')];
    expect(compareSum(edited, recorded(entries('aaaa', 'bbbb', 'cccc')), SUM)).toEqual([
      {
        code: 'revision-edited',
        file: 'revisions/bbbb_x.ts',
        message: 'revisions/bbbb_x.ts was edited since revisions/sqlgen.sum:3 recorded it',
        hint: expect.stringContaining('new revision'),
      },
    ]);
  });

  it('names an added revision at its file, and a removed one at its sum line', () => {
    const problems = compareSum(entries('aaaa', 'cccc', 'dddd'), recorded(entries('aaaa', 'bbbb', 'cccc')), SUM);
    expect(problems.map(({ code, file, line, message }) => ({ code, file, line, message }))).toEqual([
      { code: 'revision-added', file: 'revisions/dddd_x.ts', line: undefined, message: 'revisions/dddd_x.ts was added but is not in revisions/sqlgen.sum' },
      { code: 'revision-removed', file: SUM, line: 3, message: 'revisions/bbbb_x.ts was removed but revisions/sqlgen.sum:3 still lists it' },
    ]);
  });

  it('a revision inserted in the middle of the graph is one added file, not a cascade', () => {
    const problems = compareSum(entries('aaaa', 'abab', 'bbbb', 'cccc'), recorded(entries('aaaa', 'bbbb', 'cccc')), SUM);
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([['revision-added', 'revisions/abab_x.ts']]);
  });

  it('lines reordered or re-hashed by hand break the chain', () => {
    const current = entries('aaaa', 'bbbb', 'cccc');
    const [header, first, second, ...rest] = formatSum(buildSum(current)).split('\n');
    const swapped = parseSum([header, second, first, ...rest].join('\n'), SUM);
    expect(compareSum(current, swapped, SUM)).toEqual([expect.objectContaining({ code: 'sum-mismatch', file: SUM, line: 2 })]);

    // Someone edits a revision and pastes its new digest into the sum instead of running `sqlgen hash`.
    const edited = [entry('aaaa'), entry('bbbb', 'changed\n'), entry('cccc')];
    const pasted = recorded(current);
    pasted.records[1]!.sha256 = edited[1]!.sha256;
    expect(compareSum(edited, pasted, SUM)).toEqual([expect.objectContaining({ code: 'sum-mismatch', line: 3 })]);
  });

  it('a consistent sum in another order than the graph is out of order', () => {
    const current = entries('aaaa', 'bbbb', 'cccc');
    const reordered = recorded(entries('aaaa', 'cccc', 'bbbb'));
    expect(codes(compareSum(current, reordered, SUM))).toEqual(['sum-out-of-order']);
  });

  it('after a git merge that kept one branch\'s sum, the other branch\'s revisions and the merge show as added', () => {
    const ours = entries('aaaa', 'bbbb', 'cccc');
    const merged = entries('aaaa', 'bbbb', 'cccc', 'dddd', 'mmmm');
    const problems = compareSum(merged, recorded(ours), SUM);
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['revision-added', 'revisions/dddd_x.ts'],
      ['revision-added', 'revisions/mmmm_x.ts'],
    ]);
    expect(compareSum(merged, recorded(merged), SUM)).toEqual([]);
  });
});

describe('diffSum', () => {
  it('lists added and edited files in graph order, then removed ones in sum order', () => {
    const before = recorded(entries('aaaa', 'bbbb', 'cccc', 'dddd'));
    const now = [entry('eeee'), entry('cccc', 'changed\n'), entry('aaaa')];
    expect(diffSum(before.records, now)).toEqual([
      { file: 'revisions/eeee_x.ts', change: 'added' },
      { file: 'revisions/cccc_x.ts', change: 'edited', line: 4 },
      { file: 'revisions/bbbb_x.ts', change: 'removed', line: 3 },
      { file: 'revisions/dddd_x.ts', change: 'removed', line: 5 },
    ]);
  });
});
