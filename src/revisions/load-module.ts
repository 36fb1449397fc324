import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as sqlgenApi from '../index.js';
import { builtFile } from '../package-root.js';
import { runIsolated } from '../compile/run-isolated.js';
import { describeThrown, RevisionFileError, stackLocation } from '../errors.js';
import { hasOnlyKeyedInputs } from './compiled-cache.js';
import { sha256Hex } from '../sha256.js';
import { isCommonJsFile, isRelativeSpecifier, resolveLocalFile, resolveLocalModule } from './local-module.js';
import type { TranspileCache } from './transpile-cache.js';

type ModuleBody = (...args: unknown[]) => void;
type Sucrase = typeof import('sucrase');

/** Loaded on the first cache miss: sucrase costs about 30 ms to load, and a warm cache needs none of it. */
let sucrase: Sucrase | undefined;

/** A module file and the SHA-256 of its bytes. */
export interface LocalFile {
  file: string;
  sha256: string;
}

/** A loaded revision module: its exports, and the local files it imports (see {@link RevisionModuleLoader.localImports}). */
export interface LoadedModule {
  exports: unknown;
  localImports: LocalFile[];
}

/**
 * Thrown inside the fast path when a module needs Node's ES module loader (top-level `await`,
 * `import.meta`, an ES-module-only package); the revision that met it is loaded again by Node.
 */
class NeedsNodeLoader extends Error {}

/**
 * Runs revision modules (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`) with no build step for the user.
 *
 * Two paths. The fast one covers almost every revision: sucrase strips types and rewrites
 * `import`/`export` in process, keeping line numbers intact, and `vm.compileFunction` runs the
 * result as a CommonJS module. Why not Node's own `import()` for all: a project of thousands of
 * revisions would pay the ES module loader and a transform on the loader thread per file
 * (measured: about 4 s for 5,000 files). A revision the fast path cannot run as Node would (it
 * uses top-level `await` or `import.meta`, or imports something that does, or an ES-module-only
 * package) is then imported by Node itself, through the hooks of `module-hooks.ts`. `.cjs` and
 * `.cts` files are CommonJS and only ever take the fast path, as Node would run them.
 *
 * `import ... from 'sqlgen'` always resolves to the running sqlgen, so a project needs no
 * local install to run its revisions; other packages resolve from the revision's folder (the
 * user's project). Relative imports of TypeScript files resolve as TypeScript's NodeNext does.
 */
export class RevisionModuleLoader {
  private readonly cache = new Map<string, unknown>();
  private readonly codes = new Map<string, string>();
  private readonly localFiles = new Map<string, { sha256: string; imports: string[] }>();

  constructor(
    private readonly displayPath: (absolute: string) => string,
    private readonly transpiled: TranspileCache | null = null,
  ) {}

  /**
   * The exports of many modules. Works phase by phase (transpile all, compile all, run all):
   * measured on 5,000 revisions, that takes half the CPU of finishing one file before the next.
   */
  async loadAll(sources: ReadonlyArray<{ file: string; text: string; sha256: string }>): Promise<LoadedModule[]> {
    const codes = sources.map(({ file, text, sha256 }) => this.transpile(file, text, sha256));
    sources.forEach(({ file }, index) => this.codes.set(file, codes[index]!));
    const bodies = sources.map(({ file }, index) => this.compileOrDefer(file, codes[index]!));
    const exports: unknown[] = [];
    for (const [index, { file }] of sources.entries()) exports.push(await this.run(file, bodies[index]!));
    const loaded = sources.map(({ file }, index) => ({ exports: exports[index], localImports: this.localImports(file) }));
    this.transpiled?.save();
    return loaded;
  }

  /**
   * Every local file a module imports through relative specifiers, transitively, found
   * statically in its code (so an import inside `upgrade()` counts as much as one at the top),
   * sorted by path. Files it reads with `fs` at run time are not found.
   */
  localImports(file: string): LocalFile[] {
    const found = new Map<string, string>();
    const visit = (from: string) => {
      for (const imported of this.localFile(from).imports) {
        if (imported === file || found.has(imported)) continue;
        found.set(imported, this.localFile(imported).sha256);
        visit(imported);
      }
    };
    visit(file);
    return [...found].map(([file, sha256]) => ({ file, sha256 })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** Whether the compiled cache may keep what this loaded module records (see {@link hasOnlyKeyedInputs}). */
  hasOnlyKeyedInputs(file: string): boolean {
    const code = this.codes.get(file);
    return code !== undefined && hasOnlyKeyedInputs(code, this.localImports(file));
  }

  private localFile(file: string): { sha256: string; imports: string[] } {
    let known = this.localFiles.get(file);
    if (known) return known;
    const bytes = readFileSync(file);
    const sha256 = sha256Hex(bytes);
    const code = /\.[cm]?[jt]s$/.test(file) ? (this.codes.get(file) ?? this.transpile(file, bytes.toString('utf8'), sha256)) : '';
    known = { sha256, imports: relativeRequires(code).flatMap((specifier) => resolveLocalFile(path.resolve(path.dirname(file), specifier)) ?? []) };
    this.localFiles.set(file, known);
    return known;
  }

  private load(file: string): unknown {
    if (this.cache.has(file)) return this.cache.get(file);
    const text = readFileSync(file, 'utf8');
    const code = this.transpile(file, text, sha256Hex(text));
    const body = this.compileOrDefer(file, code);
    if (body instanceof NeedsNodeLoader) throw body;
    return this.evaluate(file, body);
  }

  /**
   * Runs a module's top-level code guarded as revision steps are (see {@link runIsolated}): its
   * output goes to stderr, `process.exit` is an error, a loop is stopped at the time limit.
   */
  private async run(file: string, body: ModuleBody | NeedsNodeLoader): Promise<unknown> {
    try {
      return await runIsolated(this.displayPath(file), () => {
        const value = this.evaluateOrDefer(file, body);
        return value instanceof NeedsNodeLoader ? this.importWithNode(file) : value;
      });
    } catch (error) {
      throw this.importError(file, error);
    }
  }

  private evaluateOrDefer(file: string, body: ModuleBody | NeedsNodeLoader): unknown {
    if (body instanceof NeedsNodeLoader) return body;
    try {
      return this.evaluate(file, body);
    } catch (error) {
      if (error instanceof NeedsNodeLoader && !isCommonJsFile(file)) return error;
      throw error instanceof NeedsNodeLoader ? this.importError(file, error.cause) : error;
    }
  }

  private evaluate(file: string, body: ModuleBody): unknown {
    const module = { exports: {} as unknown };
    // Registered before running, so that circular imports see the partial exports, as in Node.
    this.cache.set(file, module.exports);
    try {
      body(module.exports, this.requireFrom(file), module, file, path.dirname(file));
    } catch (error) {
      this.cache.delete(file);
      if (error instanceof NeedsNodeLoader) throw error;
      throw this.importError(file, error);
    }
    this.cache.set(file, module.exports);
    return module.exports;
  }

  private async importWithNode(file: string): Promise<unknown> {
    registerHooks();
    try {
      return await (createRequire(import.meta.url)(builtFile('revisions/node-import.cjs')) as (url: string) => Promise<unknown>)(pathToFileURL(file).href);
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw this.syntaxError(file, error.message, syntaxErrorLine(error), undefined, error);
      }
      throw this.importError(file, error);
    }
  }

  private transpile(file: string, source: string, sha256: string): string {
    const typescript = /\.[cm]?ts$/.test(file);
    const run = () => this.transpileNow(file, source, typescript);
    return this.transpiled ? this.transpiled.get(`${sha256}.${typescript ? 'ts' : 'js'}`, run) : run();
  }

  private transpileNow(file: string, source: string, typescript: boolean): string {
    try {
      sucrase ??= createRequire(import.meta.url)('sucrase') as Sucrase;
      return sucrase.transform(source, {
        transforms: typescript ? ['typescript', 'imports'] : ['imports'],
        filePath: file,
        production: true,
      }).code;
    } catch (error) {
      const loc = (error as { loc?: { line: number; column: number } }).loc;
      const reason = (error as Error).message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
      throw this.syntaxError(file, reason, loc?.line, loc && loc.column + 1, error);
    }
  }

  /** The module's body as a function, or NeedsNodeLoader when only an ES module may hold this code. */
  private compileOrDefer(file: string, code: string): ModuleBody | NeedsNodeLoader {
    try {
      return vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file }) as ModuleBody;
    } catch (error) {
      if (!isCommonJsFile(file) && ES_MODULE_ONLY.test(code)) return new NeedsNodeLoader(file, { cause: error });
      throw this.syntaxError(file, (error as Error).message, syntaxErrorLine(error), undefined, error);
    }
  }

  private requireFrom(file: string): (specifier: string) => unknown {
    let nodeRequire: NodeJS.Require | undefined;
    return (specifier) => {
      if (specifier === 'sqlgen') return sqlgenApi;
      const local = isRelativeSpecifier(specifier) ? resolveLocalModule(path.resolve(path.dirname(file), specifier)) : undefined;
      if (local) return this.load(local);
      // Created on demand: createRequire costs more than the rest of loading a typical revision.
      nodeRequire ??= createRequire(file);
      try {
        return nodeRequire(specifier);
      } catch (error) {
        if (REQUIRE_CANNOT_LOAD_ESM.has(String((error as NodeJS.ErrnoException).code))) throw new NeedsNodeLoader(specifier, { cause: error });
        throw error;
      }
    };
  }

  private syntaxError(file: string, reason: string, line?: number, column?: number, cause?: unknown): RevisionFileError {
    const shown = this.displayPath(file);
    const where = [shown, line, line && column].filter(Boolean).join(':');
    return new RevisionFileError('REVISION_SYNTAX', `${where}: syntax error: ${reason}`, 'fix the syntax; `.cjs` and `.cts` revisions are CommonJS, without top-level await or import.meta', { file: shown, line, column }, { cause });
  }

  private importError(file: string, error: unknown): RevisionFileError {
    if (error instanceof RevisionFileError) return error;
    const shown = this.displayPath(file);
    const frame = stackLocation(error, file);
    const where = [shown, frame?.line, frame?.column].filter(Boolean).join(':');
    const reason = describeThrown(error);
    return new RevisionFileError('REVISION_IMPORT', `${where}: the revision threw while loading: ${reason}`, 'a revision module must only define its revision when loaded; do work inside upgrade()/downgrade()', { file: shown, line: frame?.line, column: frame?.column }, { cause: error });
  }
}

/** `require` failing where `import` may succeed: an ES module, or a package that exports only to `import`. */
const REQUIRE_CANNOT_LOAD_ESM = new Set(['ERR_REQUIRE_ESM', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);

/** Code that compiles only as an ES module: a syntax error there sends the file to Node's loader. */
const ES_MODULE_ONLY = /\bimport\.meta\b|\bawait\b/;

/** The relative specifiers of `require("./x")` calls in sucrase's output (imports, re-exports, `import()`). */
function relativeRequires(code: string): string[] {
  return [...code.matchAll(/\brequire\((['"])(\.\.?\/[^'"]*)\1\)/g)].map((match) => match[2]!);
}

let hooksRegistered = false;

/**
 * Registers the hooks once per process, and only when a revision needs them. Under vitest this
 * file runs from `src/` as TypeScript, which Node's loader cannot run: the built hooks and the
 * built sqlgen in `dist/` serve instead.
 */
function registerHooks(): void {
  if (hooksRegistered) return;
  register(pathToFileURL(builtFile('revisions/module-hooks.js')).href, { parentURL: import.meta.url, data: { sqlgenUrl: pathToFileURL(builtFile('index.js')).href } });
  hooksRegistered = true;
}

/** The line of a SyntaxError from V8, which names `<file or URL>:<line>` alone on its stack's first line. */
function syntaxErrorLine(error: unknown): number | undefined {
  return Number(/^[^\n]*:(\d+)\n/.exec(String((error as Error).stack))?.[1]) || undefined;
}
