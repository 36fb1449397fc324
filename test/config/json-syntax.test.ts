import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/config/json-location.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

describe('a config JSON syntax error', () => {
  it('never quotes the text (an unquoted URL holds the user name), and names the right column', () => {
    const root = tempProject({ 'sqlgen.config.json': '{"url": postgres://dbadmin:s3cret@db.internal/app}\n' });
    let error: unknown;
    try {
      loadConfig({ cwd: root, env: {}, flags: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, hint, location } = error as ConfigError;
    for (const secret of ['postgres', 'dbadm', 's3cret', 'db.internal']) expect(message + hint).not.toContain(secret);
    expect(message).toMatch(/^sqlgen\.config\.json:1:9: invalid JSON: /);
    expect(location).toMatchObject({ line: 1, column: 9 });
  });

  it.each([
    ['{"a": 1,}', 1, 9],
    ['{"a" 1}', 1, 6],
    ['[1, 2', 1, 6],
    ['{"a": "x\ny"}', 1, 7],
    ['{"a": 1} x', 1, 10],
    ['{\n  "a": tru\n}', 2, 8],
    ['{"a": "\\q"}', 1, 7],
  ])('%j fails at %i:%i, as JSON.parse does', (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxError(text)).toMatchObject({ line, column });
  });

  it.each(['{}', '[]', '{"a": [1, -2.5e3, true, null, "\\u00e9"], "b": {"c": ""}}', ' "x" ', '[[[[[[]]]]]]'])('accepts %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonSyntaxError(text)).toBeUndefined();
  });
});
