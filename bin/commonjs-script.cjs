'use strict';
// Runs a CommonJS file as Node would, but compiled as a vm.Script so that V8's cached code can be
// given to it: Node 20 has no module.enableCompileCache. bin/run.js loads the CLI bundle so, and
// the bundle its vendored packages (scripts/bundle-cli.js).
const { readFileSync } = require('node:fs');
const { Module } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The text V8 compiles: the file in Node's CommonJS wrapper. A code cache fits this text only. */
function wrappedSource(file) {
  return `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
}

/**
 * Runs `file` with `cachedData` when given (V8 rejects code made for another text or Node,
 * harmlessly), and returns its exports and the script, whose code cache the caller may save.
 * The module is in require.cache before it runs: a require() of the file gets this copy.
 */
function runCommonJs(file, cachedData) {
  const script = new vm.Script(wrappedSource(file), { filename: file, cachedData });
  const loaded = new Module(file);
  loaded.filename = file;
  const requireFromFile = Module.createRequire(file);
  requireFromFile.cache[file] = loaded;
  script.runInThisContext()(loaded.exports, requireFromFile, loaded, file, path.dirname(file));
  loaded.loaded = true;
  return { exports: loaded.exports, script };
}

module.exports = { runCommonJs, wrappedSource };
