import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * Start-up time: `@oclif/core`'s index also loads its help, ux and semver modules (about 50
 * files) on every run. Commands import the subpaths (`@oclif/core/flags`, `/args`, `/command`);
 * type-only imports of the index cost nothing.
 */
it('no source file imports the @oclif/core index at run time', () => {
  const sources = readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const offenders = sources.filter((file) => /^import (?!type\b)[^;]*from '@oclif\/core';/m.test(readFileSync(path.join(REPO_ROOT, 'src', file), 'utf8')));
  expect(offenders).toEqual([]);
});
