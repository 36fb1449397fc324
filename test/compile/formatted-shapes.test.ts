import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementFormatter } from '../../src/compile/format-statement.js';
import { dialectFor } from '../../src/dialects/index.js';
import { tempProject } from '../helpers/temp-project.js';

const SETTINGS = { keywordCase: 'upper', tabWidth: 2 } as const;
const SQL = 'create table "orders" ("id" serial primary key)';
const FORMATTED = 'CREATE TABLE "orders" ("id" serial PRIMARY KEY)';

function setup() {
  const cacheDir = tempProject();
  const env = { SQLGEN_CACHE_DIR: cacheDir };
  const format = (sql: string, extraEnv: NodeJS.ProcessEnv = {}) => statementFormatter(dialectFor('postgresql'), SETTINGS, { ...env, ...extraEnv })(sql);
  const cacheFile = () => path.join(cacheDir, readdirSync(cacheDir)[0]!);
  return { cacheDir, format, cacheFile };
}

describe('formatted shapes kept between runs', () => {
  it('stores each new shape as a line, and reads it back in the next run', () => {
    const { format, cacheFile } = setup();
    expect(format(SQL)).toBe(FORMATTED);
    const lines = readFileSync(cacheFile(), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    // Prove the next run reads the file: plant other parts for the same shape.
    writeFileSync(cacheFile(), lines[0]!.replace('PRIMARY KEY', 'primary key') + '\n');
    expect(format(SQL)).toBe('CREATE TABLE "orders" ("id" serial primary key)');
  });

  it('skips damaged lines and parts cut at another number of identifiers', () => {
    const { format, cacheFile } = setup();
    format(SQL);
    const [shape] = JSON.parse(readFileSync(cacheFile(), 'utf8')) as [string];
    writeFileSync(cacheFile(), `{not json\n${JSON.stringify([shape, ['only one part']])}\n["half a line`);
    expect(format(SQL)).toBe(FORMATTED);
    expect(format('create table "other_" ("id" serial primary key)')).toBe('CREATE TABLE "other_" ("id" serial PRIMARY KEY)');
  });

  it('writes nothing with SQLGEN_NO_CACHE=1, and keeps other dialects and settings apart', () => {
    const { cacheDir, format } = setup();
    format(SQL, { SQLGEN_NO_CACHE: '1' });
    expect(readdirSync(cacheDir)).toEqual([]);
    const env = { SQLGEN_CACHE_DIR: cacheDir };
    statementFormatter(dialectFor('postgresql'), SETTINGS, env)(SQL);
    statementFormatter(dialectFor('postgresql'), { ...SETTINGS, keywordCase: 'lower' }, env)(SQL);
    statementFormatter(dialectFor('sqlite'), SETTINGS, env)(SQL);
    expect(readdirSync(cacheDir)).toHaveLength(3);
  });

  it('still formats when the cache folder cannot be written', () => {
    const blocker = tempProject();
    appendFileSync(path.join(blocker, 'file'), '');
    const format = statementFormatter(dialectFor('postgresql'), SETTINGS, { SQLGEN_CACHE_DIR: path.join(blocker, 'file', 'sub') });
    expect(format(SQL)).toBe(FORMATTED);
  });
});
