import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const load = (cwd: string, env: NodeJS.ProcessEnv = {}, flags: { config?: string; dialect?: string; url?: string } = {}) => loadConfig({ cwd, env, flags });
const configError = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('works with no config file at all, using the defaults', () => {
    const root = tempProject();
    const config = load(root);
    expect(config).toMatchObject({
      projectRoot: root,
      configFile: null,
      dialect: 'postgresql',
      dialectOrigin: 'default',
      revisionsDir: path.join(root, 'revisions'),
      outputDir: path.join(root, 'output'),
      templatesDir: path.join(root, 'templates'),
      versionTable: { name: 'sqlgen_version' },
      transactionPerRevision: true,
      sqlite: { minimumVersion: '3.35.0' },
    });
  });

  it('reads sqlgen.config.json and resolves paths against its folder', () => {
    const root = tempProject({ 'conf/sqlgen.config.json': JSON.stringify({ dialect: 'sqlite', revisionsDir: 'db/revs', versionTable: { name: 'v', schema: 'meta' } }) });
    const config = load(root, {}, { config: 'conf/sqlgen.config.json' });
    expect(config.dialect).toBe('sqlite');
    expect(config.dialectOrigin).toBe('file');
    expect(config.revisionsDir).toBe(path.join(root, 'conf/db/revs'));
    expect(config.versionTable).toEqual({ name: 'v', schema: 'meta' });
  });

  it('finds the config named by SQLGEN_CONFIG', () => {
    const root = tempProject({ 'x/my.json': JSON.stringify({ dialect: 'mssql' }) });
    expect(load(root, { SQLGEN_CONFIG: 'x/my.json' }).dialect).toBe('mssql');
  });

  it('applies precedence flag > environment > file > default', () => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'sqlite' }) });
    expect(load(root).dialect).toBe('sqlite');
    expect(load(root, { SQLGEN_DIALECT: 'mysql' }).dialect).toBe('mysql');
    expect(load(root, { SQLGEN_URL: 'mssql+pyodbc://u:p@h/db' })).toMatchObject({ dialect: 'mssql', dialectOrigin: 'env' });
    expect(load(root, { SQLGEN_DIALECT: 'mysql' }, { dialect: 'postgresql' })).toMatchObject({ dialect: 'postgresql', dialectOrigin: 'flag' });
  });

  it('infers the dialect from a URL and never keeps the URL', () => {
    const secret = 'postgresql+asyncpg://admin:hunter2@db.internal/app';
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ url: secret }) });
    const config = load(root);
    expect(config.dialect).toBe('postgresql');
    expect(JSON.stringify(config)).not.toContain('hunter2');
    for (const [url, dialect] of [['mariadb://x', 'mysql'], ['mysql+pymysql://x', 'mysql'], ['sqlite:///app.db', 'sqlite'], ['postgres://x', 'postgresql']]) {
      expect(load(root, { SQLGEN_URL: url }).dialect).toBe(dialect);
    }
  });

  it('never echoes URL credentials in errors', () => {
    const root = tempProject();
    const error = configError(() => load(root, { SQLGEN_URL: 'oracle://scott:tiger@host/db' }));
    expect(error.message).toContain('"oracle"');
    expect(error.message + error.hint).not.toContain('tiger');
    const noScheme = configError(() => load(root, { SQLGEN_URL: 'scott:tiger@host' }));
    expect(noScheme.message + noScheme.hint).not.toContain('tiger');
  });

  it('rejects a dialect that contradicts the URL at the same level', () => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'mysql', url: 'postgresql://h/db' }) });
    expect(configError(() => load(root)).message).toMatch(/contradicts/);
  });

  it.each([
    ['an unknown key', { dialekt: 'mysql' }, /\/dialekt: unknown key \(allowed: .*dialect/],
    ['a bad enum value', { dialect: 'oracle' }, /\/dialect: must be one of "postgresql", "mysql", "sqlite", "mssql"/],
    ['a wrong type', { transactionPerRevision: 'yes' }, /\/transactionPerRevision: must be boolean/],
    ['a nested unknown key', { versionTable: { nmae: 'v' } }, /\/versionTable\/nmae: unknown key \(allowed: name, schema\)/],
    ['a nested wrong type', { versionTable: { name: 42 } }, /\/versionTable\/name: must be string/],
    ['an empty path', { revisionsDir: '' }, /\/revisionsDir: must NOT have fewer than 1 characters/],
    ['a bad lint level', { lint: { rules: { 'ban-drop-table': 'loud' } } }, /\/lint\/rules\/ban-drop-table: must be one of/],
    ['a non-object', [1, 2], /\/: must be object/],
    ['a malformed SQLite version', { sqlite: { minimumVersion: '3.40' } }, /\/sqlite\/minimumVersion: must match pattern/],
    ['a SQLite older than sqlgen supports', { sqlite: { minimumVersion: '3.34.1' } }, /sqlite\.minimumVersion 3\.34\.1 is older than 3\.35\.0/],
  ])('rejects %s with the file and the JSON pointer', (_name, content, expected) => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify(content) });
    const error = configError(() => load(root));
    expect(error.message).toContain('sqlgen.config.json');
    expect(error.message).toMatch(expected);
    expect(error.location.file).toBe('sqlgen.config.json');
  });

  it('reports JSON syntax errors with line and column', () => {
    const root = tempProject({ 'sqlgen.config.json': '{\n  "dialect": "mysql",\n}\n' });
    const error = configError(() => load(root));
    expect(error.message).toMatch(/^sqlgen\.config\.json:3:1: invalid JSON/);
    expect(error.location).toMatchObject({ line: 3, column: 1 });
  });

  it('reports a missing explicit config file', () => {
    const root = tempProject();
    expect(configError(() => load(root, {}, { config: 'nope.json' })).message).toMatch(/nope\.json: config file not found \(named by --config\)/);
  });

  it('takes the revision time limit from SQLGEN_REVISION_TIMEOUT, else revisionTimeoutSeconds, else 60 s', () => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ revisionTimeoutSeconds: 5 }) });
    expect(load(tempProject()).revisionTimeoutSeconds).toBe(60);
    expect(load(root).revisionTimeoutSeconds).toBe(5);
    expect(load(root, { SQLGEN_REVISION_TIMEOUT: '0.5' }).revisionTimeoutSeconds).toBe(0.5);
    expect(configError(() => load(root, { SQLGEN_REVISION_TIMEOUT: 'soon' })).message).toContain('SQLGEN_REVISION_TIMEOUT: "soon" is not a number of seconds');
    const zero = tempProject({ 'sqlgen.config.json': JSON.stringify({ revisionTimeoutSeconds: 0 }) });
    expect(configError(() => load(zero)).message).toContain('revisionTimeoutSeconds');
  });

  it('rejects an unknown dialect from the environment', () => {
    const root = tempProject();
    expect(configError(() => load(root, { SQLGEN_DIALECT: 'db2' })).message).toMatch(/SQLGEN_DIALECT.*unknown dialect "db2"/);
  });
});
