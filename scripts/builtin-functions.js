// Writes src/lint/postgresql/builtin-functions.ts from PostgreSQL's own catalog (PGlite): which
// built-in functions are never volatile, and with how many arguments. Run it after a PGlite
// upgrade; with --check it only says whether the file is current (exit 1 when not).
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinFunctionFacts, renderBuiltinFunctions } from './builtin-functions-facts.js';

const target = new URL('../src/lint/postgresql/builtin-functions.ts', import.meta.url);
const text = renderBuiltinFunctions(await builtinFunctionFacts());
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8') === text;
  console.log(current ? 'builtin-functions.ts is current' : 'builtin-functions.ts differs from the catalog: run node scripts/builtin-functions.js');
  process.exitCode = current ? 0 : 1;
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
