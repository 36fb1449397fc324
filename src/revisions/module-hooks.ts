/**
 * Node module hooks (registered with `module.register`, run on Node's loader thread) for the
 * revisions that need Node's own ES module loader: top-level `await`, `import.meta`, or an
 * ES-module-only package. They do three things Node cannot do alone: strip TypeScript types,
 * resolve `sqlgen` to the running sqlgen, and resolve relative imports as TypeScript's NodeNext
 * does (`./helpers.js` for `helpers.ts`, extensionless, `index`).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isRelativeSpecifier, resolveLocalModule } from './local-module.js';

interface HookData {
  sqlgenUrl: string;
}

interface ResolveContext {
  parentURL?: string;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadResult {
  format: string;
  source?: string | Buffer | null;
  shortCircuit?: boolean;
}

let sqlgenUrl = '';

export function initialize(data: HookData): void {
  sqlgenUrl = data.sqlgenUrl;
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: (specifier: string, context: ResolveContext) => Promise<ResolveResult>): Promise<ResolveResult> {
  if (specifier === 'sqlgen') return { url: sqlgenUrl, shortCircuit: true };
  const parent = context.parentURL;
  if (parent?.startsWith('file:') && isRelativeSpecifier(specifier)) {
    const local = resolveLocalModule(path.resolve(path.dirname(fileURLToPath(parent)), specifier));
    if (local) return { url: pathToFileURL(local).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

type Sucrase = typeof import('sucrase');
let sucrase: Sucrase | undefined;

export async function load(url: string, context: object, nextLoad: (url: string, context: object) => Promise<LoadResult>): Promise<LoadResult> {
  const typescript = /^file:.*\.([cm]?)ts$/.exec(url);
  if (!typescript) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const commonJs = typescript[1] === 'c';
  sucrase ??= createRequire(import.meta.url)('sucrase') as Sucrase;
  const { code } = sucrase.transform(await readFile(file, 'utf8'), { transforms: commonJs ? ['typescript', 'imports'] : ['typescript'], filePath: file, production: true });
  return { format: commonJs ? 'commonjs' : 'module', source: code, shortCircuit: true };
}
