// Runs squawk (the squawk-cli dev dependency) as an outside oracle for sqlgen lint. Plain
// JavaScript so that bench/ and scripts/ can use it as well as the tests (squawk.d.ts types it).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The path of squawk's native binary, or undefined when squawk-cli is not installed. */
export function squawkBinary() {
  try {
    return createRequire(import.meta.url)('squawk-cli/js/index.js').getBinaryPath();
  } catch {
    return undefined;
  }
}

/** The binary, or an error that says how to install it. */
function requiredBinary() {
  const binary = squawkBinary();
  if (!binary) throw new Error('squawk-cli is not installed: run npm ci (it is a dev dependency)');
  return binary;
}

/** squawk's command-line flags for `settings`. */
export function squawkFlags({ postgresqlVersion, assumeInTransaction = false }) {
  return ['--reporter=json', `--pg-version=${postgresqlVersion}`, ...(assumeInTransaction ? ['--assume-in-transaction'] : [])];
}

/**
 * The names of the rules squawk reports for each script, in order, from one squawk run over all of
 * them (one file each, in a folder of their own, so no .squawk.toml applies). A script squawk
 * cannot parse reports `syntax-error`.
 */
export async function squawkRuleNames(scripts, settings) {
  const folder = await mkdtemp(path.join(tmpdir(), 'sqlgen-squawk-'));
  try {
    const files = scripts.map((_, index) => path.join(folder, `${index}.sql`));
    await Promise.all(scripts.map((sql, index) => writeFile(files[index], sql)));
    const violations = await squawkViolations([...squawkFlags(settings), ...files], folder);
    const names = files.map(() => new Set());
    for (const violation of violations) names[files.indexOf(violation.file)].add(violation.rule_name);
    return names;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** squawk's JSON report; squawk exits 1 when it reports anything, which is not a failure here. */
async function squawkViolations(args, cwd) {
  const output = await run(requiredBinary(), args, { cwd, maxBuffer: 256 * 1024 * 1024 }).catch((error) => {
    if (error.code === 1 && error.stdout) return error;
    throw error;
  });
  return JSON.parse(output.stdout);
}
