import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import { buildSum, firstBrokenLine, formatSum, parseSum, parseSumOrError } from '../../src/integrity/sum-file.js';
import { failure } from '../revisions/revision-fixtures.js';
import { SUM, entries, entry } from './sum-fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const lines = (...ids: string[]) => formatSum(buildSum(entries(...ids))).split('\n');

describe('the sum file format', () => {
  it('chains each line over the one before it, and the header holds the last chain', () => {
    const [a, b] = entries('aaaa', 'bbbb');
    const chainA = sha256(`${'0'.repeat(64)}\n${a!.sha256}\n${a!.file}\n`);
    const chainB = sha256(`${chainA}\n${b!.sha256}\n${b!.file}\n`);
    expect(formatSum(buildSum([a!, b!]))).toBe(
      [`sqlgen-sum 2 total:${chainB}`, `${a!.file} sha256:${a!.sha256} chain:${chainA}`, `${b!.file} sha256:${b!.sha256} chain:${chainB}`, ''].join('\n'),
    );
  });

  it('a sum over no revisions is a header with a zero total', () => {
    expect(formatSum(buildSum([]))).toBe(`sqlgen-sum 2 total:${'0'.repeat(64)}\n`);
    expect(parseSum(formatSum(buildSum([])), SUM)).toEqual({ version: 2, total: '0'.repeat(64), records: [] });
  });

  it('parses what it formats, including paths with spaces and \\r\\n line ends', () => {
    const sum = buildSum([entry('aaaa'), { file: 'revisions/bbbb_with space.sql', sha256: sha256('b') }]);
    const text = formatSum(sum);
    expect(parseSum(text, SUM)).toEqual(sum);
    expect(parseSum(text.replaceAll('\n', '\r\n'), SUM)).toEqual(sum);
    expect(parseSum(text.trimEnd(), SUM)).toEqual(sum);
  });

  it('rejects a malformed file with SUM_INVALID, naming the file and the line', () => {
    const text = formatSum(buildSum(entries('aaaa', 'bbbb')));
    expect(failure(() => parseSum('', SUM), IntegrityError, 'SUM_INVALID').location).toEqual({ file: SUM, line: 1 });
    const badRecord = failure(() => parseSum(text.replace(' chain:', ' chain: '), SUM), IntegrityError, 'SUM_INVALID');
    expect(badRecord.message).toMatch(/^revisions\/sqlgen\.sum:2: not a record/);
    expect(badRecord.location.line).toBe(2);
    const twice = text.split('\n');
    twice.splice(3, 0, twice[1]!);
    expect(failure(() => parseSum(twice.join('\n'), SUM), IntegrityError, 'SUM_INVALID').message).toBe('revisions/sqlgen.sum:4: revisions/aaaa_x.ts is listed twice');
  });

  it('recognises git conflict markers and says how to resolve them', () => {
    const [header, ...rest] = lines('aaaa', 'bbbb');
    const conflicted = [header, '<<<<<<< HEAD', ...rest].join('\n');
    const error = failure(() => parseSum(conflicted, SUM), IntegrityError, 'SUM_INVALID');
    expect(error.location.line).toBe(2);
    expect(error.hint).toContain('merge-conflict markers');
    expect(parseSumOrError(conflicted, SUM)).toBeInstanceOf(IntegrityError);
  });

  it('refuses to record a file name with a line break', () => {
    failure(() => buildSum([{ file: 'revisions/aaaa_x\n.ts', sha256: sha256('') }]), IntegrityError, 'SUM_INVALID');
  });
});

describe('the chain', () => {
  const recorded = () => parseSum(formatSum(buildSum(entries('aaaa', 'bbbb', 'cccc'))), SUM);

  it('adds up for what buildSum wrote', () => {
    expect(firstBrokenLine(recorded())).toBeUndefined();
  });

  it('breaks at a record edited by hand', () => {
    const sum = recorded();
    sum.records[1]!.sha256 = entry('bbbb', 'edited\n').sha256;
    expect(firstBrokenLine(sum)).toBe(3);
  });

  it('breaks where lines were reordered by hand', () => {
    const [header, first, second, third, end] = lines('aaaa', 'bbbb', 'cccc');
    expect(firstBrokenLine(parseSum([header, first, third, second, end].join('\n'), SUM))).toBe(3);
  });

  it('breaks at the header when the last lines were cut off', () => {
    const sum = recorded();
    sum.records.pop();
    expect(firstBrokenLine(sum)).toBe(1);
  });

  it('an insertion in the middle keeps the lines before it and changes every line after it', () => {
    const before = lines('aaaa', 'bbbb', 'cccc');
    const after = lines('aaaa', 'abab', 'bbbb', 'cccc');
    expect(after[1]).toBe(before[1]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[3]!.startsWith('revisions/bbbb_x.ts ')).toBe(true);
    expect(after[3]).not.toBe(before[2]);
    expect(after[4]).not.toBe(before[3]);
  });

  it('two branches appending different revisions change the same lines differently: git conflicts', () => {
    const base = lines('aaaa', 'bbbb');
    const ours = lines('aaaa', 'bbbb', 'cccc');
    const theirs = lines('aaaa', 'bbbb', 'dddd');
    // Shared history stays identical...
    expect(ours.slice(1, 3)).toEqual(base.slice(1, 3));
    expect(theirs.slice(1, 3)).toEqual(base.slice(1, 3));
    // ...while both sides rewrite the header and add a different line 4: a three-way line merge
    // cannot take both, so neither addition slips in unnoticed.
    expect(new Set([base[0], ours[0], theirs[0]]).size).toBe(3);
    expect(base[3]).toBe('');
    expect(ours[3]).not.toBe(theirs[3]);
  });

  it('git merge-file reports the conflict that two such branches make', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sqlgen-sum-merge-'));
    const write = (name: string, ...ids: string[]) => {
      writeFileSync(path.join(folder, name), formatSum(buildSum(entries(...ids))));
      return name;
    };
    const args = ['merge-file', '-p', write('ours', 'aaaa', 'bbbb', 'cccc'), write('base', 'aaaa', 'bbbb'), write('theirs', 'aaaa', 'bbbb', 'dddd')];
    const merged = spawnSync('git', args, { cwd: folder, encoding: 'utf8' });
    expect(merged.status).toBeGreaterThan(0);
    expect(merged.stdout).toContain('<<<<<<< ours');
  });
});
