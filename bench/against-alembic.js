// `npm run bench`, first part: sqlgen beside Alembic (issue 16) on generated equivalent projects,
// when `alembic` is installed. Runs are interleaved (Alembic cold, Alembic warm, sqlgen cold,
// sqlgen warm, then again) so that a busy moment of the machine falls on all four alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAlembicProject } from './generate-alembic-project.js';
import { generateProject } from './generate-project.js';

const GNU_TIME = '/usr/bin/time';

/** Wall ms, CPU ms and peak RSS (MB) of one run of a command, read by GNU time. */
export function timed(command, args, cwd, env) {
  const usageFile = path.join(tmpdir(), `sqlgen-bench-${process.pid}.time`);
  const started = performance.now();
  const { status, stderr } = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, command, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - started;
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with status ${status}: ${stderr}`);
  const [user, system, maxRssKb] = readFileSync(usageFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  rmSync(usageFile);
  return { wallMs, cpuMs: (user + system) * 1000, maxRssMb: maxRssKb / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Whether Alembic (and GNU time) can be run here. */
export function alembicInstalled() {
  return spawnSync('alembic', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync(GNU_TIME, ['true'], { stdio: 'ignore' }).status === 0;
}

/**
 * `alembic upgrade base:head --sql` against `sqlgen upgrade base:heads --sql` at each size, cold
 * (Alembic: no __pycache__; sqlgen: SQLGEN_NO_CACHE=1, so no transpile, compiled or code cache)
 * and warm (the caches the previous run left). Prints medians and the ratios Alembic / sqlgen.
 */
export function benchAgainstAlembic({ bin, sizes, runs, report }) {
  for (const count of sizes) {
    const root = mkdtempSync(path.join(tmpdir(), `sqlgen-bench-alembic-${count}-`));
    const alembicDir = path.join(root, 'alembic');
    const sqlgenDir = path.join(root, 'sqlgen');
    generateAlembicProject(alembicDir, count);
    generateProject(sqlgenDir, count);
    const cacheDir = path.join(root, 'cache');
    const env = (extra) => ({ ...process.env, ...extra });
    const alembic = (args) => timed('alembic', args, alembicDir, env({ PYTHONDONTWRITEBYTECODE: '' }));
    const sqlgen = (extra) => timed(process.execPath, [bin, 'upgrade', 'base:heads', '--sql'], sqlgenDir, env(extra));
    const samples = { alembicCold: [], alembicWarm: [], sqlgenCold: [], sqlgenWarm: [] };
    alembic(['upgrade', 'base:head', '--sql']);
    sqlgen({ SQLGEN_CACHE_DIR: cacheDir });
    for (let run = 0; run < runs; run += 1) {
      rmSync(path.join(alembicDir, 'versions', '__pycache__'), { recursive: true, force: true });
      rmSync(path.join(alembicDir, '__pycache__'), { recursive: true, force: true });
      samples.alembicCold.push(alembic(['upgrade', 'base:head', '--sql']));
      samples.alembicWarm.push(alembic(['upgrade', 'base:head', '--sql']));
      samples.sqlgenCold.push(sqlgen({ SQLGEN_NO_CACHE: '1' }));
      samples.sqlgenWarm.push(sqlgen({ SQLGEN_CACHE_DIR: cacheDir }));
    }
    const figures = Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, { wallMs: median(list.map((s) => s.wallMs)), cpuMs: median(list.map((s) => s.cpuMs)), maxRssMb: median(list.map((s) => s.maxRssMb)) }]));
    for (const [key, value] of Object.entries(figures)) report(`${key}, upgrade base:heads --sql, ${count}`, value);
    const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
    report(`  Alembic / sqlgen, ${count} revisions`, {
      cold: ratio(figures.alembicCold.wallMs, figures.sqlgenCold.wallMs),
      warm: ratio(figures.alembicWarm.wallMs, figures.sqlgenWarm.wallMs),
      'warm alembic / cold sqlgen': ratio(figures.alembicWarm.wallMs, figures.sqlgenCold.wallMs),
    });
    rmSync(root, { recursive: true, force: true });
  }
}
