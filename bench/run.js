// `npm run bench`: start-up, revision loading, graph, script rendering, rehearsal and lint figures for sqlgen.
// Run after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alembicInstalled, benchAgainstAlembic } from './against-alembic.js';
import { benchAutogenerate } from './autogenerate.js';
import { generateProject } from './generate-project.js';
import { generateMigration } from './generate-sql.js';
import { loadRevisions } from '../dist/revisions/load-revisions.js';
import { RevisionGraph } from '../dist/revisions/graph.js';
import { squawkBinary } from '../test/oracles/squawk.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repo, 'bin/run.js');
const preload = path.join(repo, 'bench/report-usage.js');
const RUNS = Number(process.env.SQLGEN_BENCH_RUNS ?? 5);
const GNU_TIME = '/usr/bin/time';

/** Median wall time, CPU time and peak RSS of a command over `runs` runs. */
function measure(args, cwd, env = process.env, runs = RUNS) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const usageFile = path.join(tmpdir(), `sqlgen-bench-${process.pid}.json`);
    const started = performance.now();
    execFileSync(process.execPath, ['--import', preload, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, SQLGEN_BENCH_USAGE: usageFile } });
    samples.push({ wallMs: performance.now() - started, ...JSON.parse(readFileSync(usageFile, 'utf8')) });
    rmSync(usageFile);
  }
  return medians(samples);
}

function medians(samples) {
  const median = (key) => samples.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { wallMs: median('wallMs'), cpuMs: median('cpuMs'), maxRssMb: median('maxRssMb') };
}

/**
 * The same figures for a native program (squawk's binary), read by GNU time. Exit status 1 is
 * accepted: a linter exits 1 when it reports something.
 */
function measureNative(command, args, cwd, runs = RUNS) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const usageFile = path.join(tmpdir(), `sqlgen-bench-${process.pid}.time`);
    const started = performance.now();
    const { status } = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, command, ...args], { cwd, stdio: 'ignore' });
    const wallMs = performance.now() - started;
    if (status !== 0 && status !== 1) throw new Error(`${command} ${args.join(' ')} exited with status ${status}`);
    // GNU time puts "Command exited with non-zero status 1" before its own line.
    const [userSeconds, systemSeconds, maxRssKb] = readFileSync(usageFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    samples.push({ wallMs, cpuMs: (userSeconds + systemSeconds) * 1000, maxRssMb: maxRssKb / 1024 });
    rmSync(usageFile);
  }
  return medians(samples);
}

/** One run only: for what is too slow to repeat, or changes after the first run. */
function measureOnce(args, cwd, env) {
  return measure(args, cwd, env, 1);
}

function report(label, figures) {
  const cells = Object.entries(figures).map(([key, value]) => `${key}=${typeof value === 'number' ? value.toFixed(1) : value}`);
  console.log(`${label.padEnd(50)} ${cells.join('  ')}`);
}

/** `value` as a multiple of `base`, e.g. `4.2x`. */
function times(value, base) {
  return `${(value / base).toFixed(1)}x`;
}

/** How much more `value` is than `base`, e.g. `+3.2%`. */
function percentMore(value, base) {
  const percent = (value / base - 1) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** In-process: CPU spent loading the revision files and building their graph. */
async function loadInProcess(root, env) {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const revisions = await loadRevisions(path.join(root, 'revisions'), root, env);
  const loadedCpu = process.cpuUsage(cpuBefore);
  const graph = RevisionGraph.build(revisions);
  const order = graph.upgradeRange('base', 'heads');
  const totalCpu = process.cpuUsage(cpuBefore);
  return {
    revisions: order.length,
    wallMs: performance.now() - wallBefore,
    loadCpuMs: (loadedCpu.user + loadedCpu.system) / 1000,
    loadAndGraphCpuMs: (totalCpu.user + totalCpu.system) / 1000,
  };
}

console.log(`sqlgen bench: node ${process.version}, median of ${RUNS} runs\n`);
// SQLGEN_BENCH_ONLY=alembic or =autogenerate runs that part alone.
const only = process.env.SQLGEN_BENCH_ONLY;
if (only !== 'autogenerate') {
  if (alembicInstalled()) benchAgainstAlembic({ bin, sizes: [100, 1000, 5000], runs: RUNS, report });
  else console.log('(alembic or GNU time is not installed: no figures beside Alembic)');
}
if (only === 'alembic') process.exit(0);
benchAutogenerate({ bin, repo, runs: RUNS, report });
if (only === 'autogenerate') process.exit(0);
const empty = mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-empty-'));
report('node -e "" (Node start)', measure(['-e', ''], empty));
report("import('@oclif/core') (oclif floor)", measure(['-e', "await import('@oclif/core')", '--input-type=module'], repo));
report('sqlgen --help', measure([bin, '--help'], empty));

// Cold: no transpile cache. Warm: the cache written by the cold run (the usual case once a
// project's revisions exist). The cache lives in a folder of the bench's own.
const cacheDir = mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-cache-'));
const cold = { ...process.env, SQLGEN_NO_CACHE: '1' };
const warm = { ...process.env, SQLGEN_CACHE_DIR: cacheDir };
for (const count of [1000, 5000]) {
  const root = mkdtempSync(path.join(tmpdir(), `sqlgen-bench-${count}-`));
  generateProject(root, count);
  report(`load + graph, ${count} revisions, cold`, await loadInProcess(root, cold));
  await loadInProcess(root, warm);
  report(`load + graph, ${count} revisions, warm`, await loadInProcess(root, warm));
  report(`sqlgen history, ${count} revisions, cold`, measure([bin, 'history'], root, cold));
  report(`sqlgen history, ${count} revisions, warm`, measure([bin, 'history'], root, warm));
  const upgrade = [bin, 'upgrade', 'base:heads', '--sql', '--out', path.join(root, 'up.sql')];
  report(`sqlgen upgrade base:heads, ${count}, formatted, cold`, measure(upgrade, root, cold));
  const guarded = measure(upgrade, root, warm);
  report(`sqlgen upgrade base:heads, ${count}, formatted`, guarded);
  const unguarded = measure([...upgrade, '--no-guards'], root, warm);
  report(`sqlgen upgrade base:heads, ${count}, --no-guards`, unguarded);
  report(`  what the version guards cost, ${count}`, { wall: percentMore(guarded.wallMs, unguarded.wallMs), cpu: percentMore(guarded.cpuMs, unguarded.cpuMs) });
  report(`sqlgen upgrade base:heads, ${count}, --no-format`, measure([...upgrade, '--no-format'], root, warm));
  report(`sqlgen bundle --to heads --no-rehearse, ${count} revisions`, measure([bin, 'bundle', '--to', 'heads', '--no-rehearse', '--force', '--out', path.join(root, 'bundles')], root, warm));
  rmSync(root, { recursive: true, force: true });
}

// Memory of a warm upgrade as projects grow (issue 16: under 150 MB at 5,000, growing no
// faster than linearly): one run each, after a run that fills the caches.
const memory = [];
for (const count of [5000, 20000]) {
  const root = mkdtempSync(path.join(tmpdir(), `sqlgen-bench-memory-${count}-`));
  generateProject(root, count);
  const upgrade = [bin, 'upgrade', 'base:heads', '--sql', '--out', path.join(root, 'up.sql')];
  measureOnce(upgrade, root, warm);
  const figures = measureOnce(upgrade, root, warm);
  memory.push({ count, maxRssMb: figures.maxRssMb });
  report(`sqlgen upgrade base:heads, ${count}, warm, memory`, figures);
  rmSync(root, { recursive: true, force: true });
}
const [small, large] = memory;
report('  peak memory growth, 5,000 -> 20,000 revisions', { timesTheRevisions: (large.count / small.count).toFixed(1), timesTheMemory: (large.maxRssMb / small.maxRssMb).toFixed(2) });

// Rehearsal: the example project's bundle with and without it, the first run of all (PGlite's
// initdb, cached afterwards), and generated projects, where rehearsal is set against the bundle.
const bundleArgs = (out, ...flags) => [bin, 'bundle', '--force', '--out', out, ...flags];
const firstEver = { ...process.env, SQLGEN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-engine-')) };
report('sqlgen bundle, example, first run (initdb)', measureOnce(bundleArgs(path.join(empty, 'first')), repo, firstEver));
for (const dialect of ['postgresql', 'sqlite']) {
  const out = path.join(empty, dialect);
  const rehearsed = measure([...bundleArgs(out, '--dialect', dialect)], repo, warm);
  const plain = measure([...bundleArgs(out, '--dialect', dialect, '--no-rehearse')], repo, warm);
  report(`sqlgen bundle, example, ${dialect}, rehearsed`, rehearsed);
  report(`sqlgen bundle, example, ${dialect}, --no-rehearse`, plain);
}
for (const count of [100, 1000]) {
  const root = mkdtempSync(path.join(tmpdir(), `sqlgen-bench-rehearse-${count}-`));
  generateProject(root, count);
  const plain = measureOnce(bundleArgs(path.join(root, 'bundles'), '--no-rehearse'), root, warm);
  const rehearsal = measureOnce([bin, 'rehearse'], root, warm);
  report(`sqlgen bundle --no-rehearse, ${count} revisions`, plain);
  report(`sqlgen rehearse, ${count} revisions`, { ...rehearsal, timesTheBundle: (rehearsal.wallMs / plain.wallMs).toFixed(2) });
  rmSync(root, { recursive: true, force: true });
}
rmSync(firstEver.SQLGEN_CACHE_DIR, { recursive: true, force: true });

// Lint: a 10 MB migration per parsed dialect, and a 10,000-revision range rendered in memory.
// Beside squawk (issue 15), when squawk-cli is installed: the same PostgreSQL file, JSON reports.
const lintDir = mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-lint-'));
const squawk = existsSync(GNU_TIME) ? squawkBinary() : undefined;
const lintFile = (dialect, file) => measure([bin, 'lint', '--dialect', dialect, file, '--format', 'json', '--fail-on', 'none'], lintDir);
const squawkFile = (file) => measureNative(squawk, ['--reporter=json', file], lintDir);
for (const dialect of ['postgresql', 'mysql']) {
  const file = path.join(lintDir, `${dialect}.sql`);
  const { bytes } = generateMigration(file, dialect, 10 * 1024 * 1024);
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MB of ${dialect}`;
  const sqlgen = lintFile(dialect, file);
  report(`sqlgen lint, ${size}`, sqlgen);
  if (dialect !== 'postgresql' || !squawk) continue;
  const theirs = squawkFile(file);
  report(`squawk 2.66 (native binary), ${size}`, theirs);
  report('  sqlgen lint against squawk, 10 MB', { wall: times(sqlgen.wallMs, theirs.wallMs), cpu: times(sqlgen.cpuMs, theirs.cpuMs) });
}
if (squawk) {
  const oneLine = path.join(lintDir, 'one-line.sql');
  writeFileSync(oneLine, 'ALTER TABLE orders ADD COLUMN note text;\n');
  report('sqlgen lint, one-line file (start-up)', lintFile('postgresql', oneLine));
  report('squawk 2.66 (native binary), one-line file', squawkFile(oneLine));
} else console.log('(squawk-cli or GNU time is not installed: no side-by-side lint figures)');
const lintProject = path.join(lintDir, 'project');
generateProject(lintProject, 10000);
measure([bin, 'history'], lintProject, warm);
report('sqlgen lint, 10000 revisions, warm', measure([bin, 'lint', '--format', 'json', '--fail-on', 'none'], lintProject, warm));
report('sqlgen check, 10000 revisions, warm', measure([bin, 'check', '--format', 'json', '--fail-on', 'none'], lintProject, warm));
rmSync(lintDir, { recursive: true, force: true });
for (const folder of [empty, cacheDir]) rmSync(folder, { recursive: true, force: true });
