import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, ExitCode } from '../../src/errors.js';
import { parseSha256Sums, renderSha256Sums } from '../../src/bundle/checksums.js';
import { sha256Hex } from '../../src/sha256.js';
import { tempProject } from '../helpers/temp-project.js';
import { caught } from './bundle-fixtures.js';

const digest = (text: string) => sha256Hex(text);

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 digests, hashing strings as UTF-8', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('é')).toBe(sha256Hex(new Uint8Array([0xc3, 0xa9])));
  });
});

describe('renderSha256Sums', () => {
  it('writes "<digest>  <path>" lines sorted by the paths\' UTF-8 bytes', () => {
    // UTF-16 order would put the emoji (a surrogate pair) before U+FF5E; byte order puts it after.
    const paths = ['sql/b.sql', 'README.md', '\u{1F600}.txt', 'sql/a.sql', '\uFF5E.txt', 'Z.sql'];
    const text = renderSha256Sums(paths.map((file) => ({ path: file, sha256: digest(file) })));
    const sorted = ['README.md', 'Z.sql', 'sql/a.sql', 'sql/b.sql', '\uFF5E.txt', '\u{1F600}.txt'];
    expect(text).toBe(sorted.map((file) => `${digest(file)}  ${file}\n`).join(''));
  });

  it('is what `sha256sum -c` checks: it passes, then fails once a file changes', () => {
    const files = { 'manifest.json': '{}\n', 'sql/001_up.sql': 'select 1;\n', 'sql/nested/two words.sql': 'select 2;\n' };
    const bundle = tempProject(files);
    writeFileSync(path.join(bundle, 'SHA256SUMS'), renderSha256Sums(Object.entries(files).map(([file, content]) => ({ path: file, sha256: digest(content) }))));
    expect(execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' })).toBe(
      'manifest.json: OK\nsql/001_up.sql: OK\nsql/nested/two words.sql: OK\n',
    );
    writeFileSync(path.join(bundle, 'sql/001_up.sql'), 'drop table customers;\n');
    const tampered = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' });
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('sql/001_up.sql: FAILED');
  });

  it.each([
    ['an absolute path', '/etc/passwd', digest('x'), 'is absolute'],
    ['a ".." segment', 'sql/../../x', digest('x'), 'has a ".." segment'],
    ['a backslash, which GNU would escape', 'sql\\a.sql', digest('x'), 'has a backslash'],
    ['a newline', 'a\nb', digest('x'), 'control character'],
    ['an empty segment', 'sql//a.sql', digest('x'), 'empty or "." segment'],
    ['an upper-case digest', 'a.sql', digest('x').toUpperCase(), 'no lowercase hex'],
    ['a short digest', 'a.sql', 'abc', 'no lowercase hex'],
  ])('refuses %s', (_, file, sha256, problem) => {
    expect(() => renderSha256Sums([{ path: file, sha256 }])).toThrow(problem);
  });

  it('refuses a path listed twice', () => {
    expect(() => renderSha256Sums([{ path: 'a.sql', sha256: digest('1') }, { path: 'a.sql', sha256: digest('2') }])).toThrow('"a.sql" is listed twice');
  });
});

describe('parseSha256Sums', () => {
  it('reads back what renderSha256Sums writes', () => {
    const entries = [{ path: 'sql/a.sql', sha256: digest('a') }, { path: 'manifest.json', sha256: digest('m') }];
    expect([...parseSha256Sums(renderSha256Sums(entries), 'SHA256SUMS')]).toEqual([
      ['manifest.json', digest('m')],
      ['sql/a.sql', digest('a')],
    ]);
  });

  it('reads what GNU sha256sum writes, in text and binary mode', () => {
    const bundle = tempProject({ 'a.sql': 'select 1;\n', 'sql/b.sql': 'select 2;\n' });
    for (const mode of ['--text', '--binary']) {
      const text = execFileSync('sha256sum', [mode, 'a.sql', 'sql/b.sql'], { cwd: bundle, encoding: 'utf8' });
      expect(parseSha256Sums(text, 'SHA256SUMS')).toEqual(new Map([['a.sql', digest('select 1;\n')], ['sql/b.sql', digest('select 2;\n')]]));
    }
  });

  it.each([
    ['a missing separator', `${digest('a')} a.sql`, 'not a checksum line'],
    ['a short digest', `${digest('a').slice(1)}  a.sql`, 'not a checksum line'],
    ['an upper-case digest', `${digest('a').toUpperCase()}  a.sql`, 'not a checksum line'],
    ['a blank line', '', 'not a checksum line'],
    ['a Windows line ending', `${digest('a')}  a.sql\r`, 'control character'],
    ['a GNU-escaped name', `\\${digest('a')}  a\\nb.sql`, 'not a checksum line'],
    ['a path outside the folder', `${digest('a')}  ../a.sql`, '"../a.sql" has a ".." segment'],
    ['a path listed twice', `${digest('a')}  first.sql`, '"first.sql" is listed twice'],
  ])('rejects %s with a typed error naming the file and line', (_, badLine, problem) => {
    const text = `${digest('first')}  first.sql\n${badLine}\n${digest('last')}  last.sql\n`;
    const error = caught(() => parseSha256Sums(text, 'bundle/SHA256SUMS'));
    expect(error).toBeInstanceOf(BundleError);
    expect(error).toMatchObject({ code: 'BUNDLE_INVALID', exitCode: ExitCode.input, location: { file: 'bundle/SHA256SUMS', line: 2 } });
    expect((error as BundleError).message).toMatch(/^bundle\/SHA256SUMS:2: /);
    expect((error as BundleError).message).toContain(problem);
  });
});
