/**
 * The CLI as one module: the build bundles it with its dependencies into `dist/sqlgen.cjs`, which
 * `bin/run.js` loads. Resolving and reading the ~450 files of the unbundled CLI (lodash, knex,
 * oclif) was the largest single cost of a small run. oclif finds the commands and the hook here
 * too (package.json `oclif`), so it never loads the unbundled copies beside the bundled ones.
 */
export { execute } from '@oclif/core/execute';
export { COMMANDS } from '../commands/index.js';
export { default as commandNotFound } from './hooks/command-not-found.js';
