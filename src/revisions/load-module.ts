import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import * as sqlgenApi from '../index.js';
import { RevisionFileError, stackLocation } from '../errors.js';
import { sha256Hex } from '../sha256.js';
import type { TranspileCache } from './transpile-cache.js';

type ModuleBody = (...args: unknown[]) => void;
type Sucrase = typeof import('sucrase');

/** Loaded on the first cache miss: sucrase costs about 30 ms to load, and a warm cache needs none of it. */
let sucrase: Sucrase | undefined;

/**
 * Runs revision modules (`.ts`, `.mts`, `.js`, `.mjs`) with no build step for the user.
 *
 * Why not Node's own `import()` through a TypeScript loader hook: a bundle of thousands of
 * revisions would pay the ESM loader and an out-of-process transform per file (measured: about
 * 4 s for 5,000 files with esbuild). sucrase strips types and rewrites `import`/`export` in
 * process, keeping line numbers intact, so stack traces and syntax errors point at the user's
 * lines; `vm.compileFunction` then runs the result as a CommonJS module.
 *
 * `import ... from 'sqlgen'` always resolves to the running sqlgen, so a project needs no
 * local install to run its revisions. Relative imports of other TypeScript
 * files go through the same loader; anything else goes through Node's `require`.
 */
export class RevisionModuleLoader {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly displayPath: (absolute: string) => string,
    private readonly transpiled: TranspileCache | null = null,
  ) {}

  /**
   * The exports of many modules. Works phase by phase (transpile all, compile all, run all):
   * measured on 5,000 revisions, that takes half the CPU of finishing one file before the next.
   */
  loadAll(sources: ReadonlyArray<{ file: string; text: string; sha256: string }>): unknown[] {
    const codes = sources.map(({ file, text, sha256 }) => this.transpile(file, text, sha256));
    this.transpiled?.save();
    const bodies = sources.map(({ file }, index) => this.compile(file, codes[index]!));
    return sources.map(({ file }, index) => this.evaluate(file, bodies[index]!));
  }

  /** The exports of one module (a helper a revision imports), loaded once. */
  load(file: string): unknown {
    if (this.cache.has(file)) return this.cache.get(file);
    const text = readFileSync(file, 'utf8');
    const code = this.transpile(file, text, sha256Hex(text));
    return this.evaluate(file, this.compile(file, code));
  }

  private evaluate(file: string, body: ModuleBody): unknown {
    const module = { exports: {} as unknown };
    // Registered before running, so that circular imports see the partial exports, as in Node.
    this.cache.set(file, module.exports);
    try {
      body(module.exports, this.requireFrom(file), module, file, path.dirname(file));
    } catch (error) {
      this.cache.delete(file);
      throw this.importError(file, error);
    }
    this.cache.set(file, module.exports);
    return module.exports;
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

  private compile(file: string, code: string): ModuleBody {
    try {
      return vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file }) as ModuleBody;
    } catch (error) {
      const line = Number(/^[^\n]*:(\d+)\n/.exec(String((error as Error).stack))?.[1]) || undefined;
      throw this.syntaxError(file, (error as Error).message, line, undefined, error);
    }
  }

  private requireFrom(file: string): (specifier: string) => unknown {
    let nodeRequire: NodeJS.Require | undefined;
    return (specifier) => {
      if (specifier === 'sqlgen') return sqlgenApi;
      const local = specifier.startsWith('.') ? resolveLocalModule(path.resolve(path.dirname(file), specifier)) : undefined;
      if (local) return this.load(local);
      // Created on demand: createRequire costs more than the rest of loading a typical revision.
      nodeRequire ??= createRequire(file);
      return nodeRequire(specifier);
    };
  }

  private syntaxError(file: string, reason: string, line?: number, column?: number, cause?: unknown): RevisionFileError {
    const shown = this.displayPath(file);
    const where = [shown, line, line && column].filter(Boolean).join(':');
    return new RevisionFileError('REVISION_SYNTAX', `${where}: syntax error: ${reason}`, 'fix the syntax; revisions run as modules without top-level await or import.meta', { file: shown, line, column }, { cause });
  }

  private importError(file: string, error: unknown): RevisionFileError {
    if (error instanceof RevisionFileError) return error;
    const shown = this.displayPath(file);
    const frame = stackLocation(error, file);
    const where = [shown, frame?.line, frame?.column].filter(Boolean).join(':');
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new RevisionFileError('REVISION_IMPORT', `${where}: the revision threw while loading: ${reason}`, 'a revision module must only define its revision when loaded; do work inside upgrade()/downgrade()', { file: shown, line: frame?.line, column: frame?.column }, { cause: error });
  }
}

const LOCAL_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** `./helpers`, `./helpers.js` (written for a `.ts` file, as NodeNext wants) or `./lib/index`. */
function resolveLocalModule(base: string): string | undefined {
  const stem = base.replace(/\.[cm]?js$/, '');
  const candidates = [base, ...LOCAL_EXTENSIONS.map((ext) => stem + ext), ...LOCAL_EXTENSIONS.map((ext) => path.join(base, 'index' + ext))];
  return candidates.find((candidate) => /\.[cm]?[jt]s$/.test(candidate) && existsSync(candidate));
}
