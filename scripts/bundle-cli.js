// Bundles the built CLI (dist/cli/main.js) with its dependencies into dist/sqlgen.cjs, after
// `tsc` (`npm run build`). Why: see src/cli/main.ts. CommonJS, because only a classic script
// can use V8's code cache on Node 20 (bin/run.js), and with no import() left in it: on Node 20 a
// script compiled from cached code loses its import() callback ("A dynamic import callback was
// not specified"). esbuild turns each import() into require(); the packages left out all have a
// CommonJS entry.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Packages that load files beside their own code (WebAssembly, data): left to Node to find. */
const LOADS_OWN_FILES = ['libpg-query', '@electric-sql/pglite', 'sql.js'];
/** Database drivers knex names for its clients: sqlgen never connects, so none is installed. */
const KNEX_DRIVERS = ['pg', 'pg-query-stream', 'pg-native', 'mysql', 'mysql2', 'mariadb/callback', 'sqlite3', 'better-sqlite3', 'tedious', 'oracledb'];
/** oclif reads a TypeScript project's tsconfig only in development; sqlgen ships JavaScript. */
const DEVELOPMENT_ONLY = ['typescript'];
const EXTERNAL = [...LOADS_OWN_FILES, ...KNEX_DRIVERS, ...DEVELOPMENT_ONLY];

/**
 * oclif imports plugins that are ES modules (@oclif/plugin-autocomplete) with import(), which
 * must stay a real import(): its module loader gets one from the small CommonJS file that
 * revisions use for Node's own import() (src/revisions/node-import.cts), outside the bundle.
 */
const oclifImportsWithNode = {
  name: 'oclif-imports-with-node',
  setup(build) {
    build.onLoad({ filter: /@oclif[\\/]core[\\/]lib[\\/]module-loader\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source.replaceAll('await import(', 'await require(__sqlgen_node_import)(');
      if (contents === source) throw new Error(`${path}: no import() found to route to Node's loader; has oclif changed?`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * sqlgen loads some packages only when a run needs them, synchronously, with
 * `createRequire(import.meta.url)('<package>')`, which esbuild cannot follow. In the bundle such
 * a call loads one file instead of the package's hundred: sucrase (on a transpile cache miss) and
 * sql-formatter (on a new statement shape) from a bundle of their own in dist/vendor/, kept out
 * of the CLI's code cache, which a warm run would otherwise load and never use; anything else
 * (knex's SQLite helpers) from the CLI bundle itself. A vendored bundle is compiled with the code
 * cache the build ships beside it (scripts/ship-code-cache.js): a run with no caches of its own
 * uses both, and compiling them was 60 ms of such a run at 100 revisions.
 */
const VENDORED = ['sucrase', 'sql-formatter'];
/**
 * What sqlgen uses of a vendored package, when not all of it: sql-formatter's formatDialect and
 * the languages of sqlgen's dialects (src/dialects/*.ts formatterLanguage), not its two dozen
 * others, which made its bundle three times the size to load.
 */
const VENDORED_EXPORTS = {
  'sql-formatter': "export { formatDialect, postgresql, mysql, sqlite, transactsql } from 'sql-formatter';",
};
const LAZY_PACKAGE_REQUIRE = /createRequire\(import\.meta\.url\)\((['"])([^'"./][^'"]*)\1\)/g;
const bundleLazyPackages = {
  name: 'bundle-lazy-packages',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source.replace(LAZY_PACKAGE_REQUIRE, (_, quote, name) => (VENDORED.includes(name) ? `__sqlgen_vendor(${quote}${name}${quote})` : `require(${quote}${name}${quote})`));
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Loads a vendored bundle with its shipped code cache when there is one, through the loader
 * bin/run.js loads the CLI bundle with (bin/commonjs-script.cjs). With
 * SQLGEN_WRITE_VENDOR_CODE_CACHE=1 (the build's own run) it writes that cache when the run ends,
 * so that it holds the functions the run compiled too.
 */
const VENDOR_LOADER = `function __sqlgen_vendor(name) {
  const path = require('node:path');
  const file = path.join(__dirname, 'vendor', name + '.cjs');
  if (require.cache[file]) return require.cache[file].exports;
  const { readFileSync, writeFileSync } = require('node:fs');
  let cachedData;
  try { cachedData = readFileSync(file + '.code-cache'); } catch {}
  const { exports, script } = require(path.join(__dirname, '..', 'bin', 'commonjs-script.cjs')).runCommonJs(file, cachedData);
  if (process.env.SQLGEN_WRITE_VENDOR_CODE_CACHE === '1') process.once('exit', () => writeFileSync(file + '.code-cache', script.createCachedData()));
  return exports;
}`;

await Promise.all(
  VENDORED.map((name) =>
    build({
      stdin: { contents: VENDORED_EXPORTS[name] ?? `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
      outfile: `dist/vendor/${name}.cjs`,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);
// Made again by scripts/ship-code-cache.js; one made for an older vendored bundle must never meet a new one.
for (const name of VENDORED) rmSync(`dist/vendor/${name}.cjs.code-cache`, { force: true });

const outfile = 'dist/sqlgen.cjs';
// V8 checks cached code against the source's length only: code cached for an older bundle
// must never meet a new one (scripts/ship-code-cache.js makes it again).
rmSync(`${outfile}.code-cache`, { force: true });
await build({
  entryPoints: ['dist/cli/main.js'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  supported: { 'dynamic-import': false },
  external: EXTERNAL,
  // `import.meta.url` of every module becomes the bundle's own URL (src/package-root.ts finds
  // the package from there).
  define: { 'import.meta.url': '__sqlgen_bundle_url' },
  banner: { js: "const __sqlgen_bundle_url = require('node:url').pathToFileURL(__filename).href; const __sqlgen_node_import = require('node:path').join(__dirname, 'revisions', 'node-import.cjs'); " + VENDOR_LOADER },
  plugins: [oclifImportsWithNode, bundleLazyPackages],
  logLevel: 'warning',
  legalComments: 'none',
});

// ASCII only, so that V8 keeps the bundle's source as one byte a character rather than two (it
// holds the whole text for the life of the process): esbuild leaves a few non-ASCII characters in
// comments and regular expressions, and \uXXXX means the same character in both.
writeFileSync(outfile, readFileSync(outfile, 'utf8').replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`));

// The check that none is left: doc comment lines are skipped (JSDoc writes `import('knex').Config`),
// and so is the word in strings (oclif's message "import() failed").
const dynamicImport = /^(?!\s*(?:\*|\/\/)).*(?<![\w$.'"`])import\(/m.exec(readFileSync(outfile, 'utf8'));
if (dynamicImport) throw new Error(`${outfile}: an import() is left in the bundle: ${dynamicImport[0].trim()}`);

// The build's identity, for caches of compiled output (src/package-root.ts sqlgenBuildId).
writeFileSync('dist/sqlgen.build-id', createHash('sha256').update(readFileSync(outfile)).digest('hex').slice(0, 32) + '\n');
