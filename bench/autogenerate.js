// `npm run bench`, autogenerate part (issue 17): `revision --autogenerate` on the example project
// with a column and an index added to its schema.sql, and on a project of 200 tables built by
// 1,000 revisions whose schema.sql adds a column and an index to ten tables. Each run writes a
// revision, which is removed before the next; the PGlite data directory is cached, as on a
// machine where sqlgen has run once.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { revisionId } from './generate-project.js';
import { timed } from './against-alembic.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median figures of `runs` runs of autogenerate in `root`, the written revision removed after each. */
function autogenerateRuns(bin, root, runs, env) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    samples.push(timed(process.execPath, [bin, 'revision', '--autogenerate', '-m', 'bench change', '--rev-id', 'bbbbbbbbbbbb'], root, env));
    for (const name of readdirSync(path.join(root, 'revisions'))) if (name.startsWith('bbbbbbbbbbbb_')) rmSync(path.join(root, 'revisions', name));
  }
  return { wallMs: median(samples.map((sample) => sample.wallMs)), cpuMs: median(samples.map((sample) => sample.cpuMs)), maxRssMb: median(samples.map((sample) => sample.maxRssMb)) };
}

/** 200 tables, made by the first 200 revisions; the other 800 each add a column to one of them. */
function writeWideProject(root) {
  const revisions = path.join(root, 'revisions');
  mkdirSync(revisions, { recursive: true });
  writeFileSync(path.join(root, 'sqlgen.config.json'), '{"dialect": "postgresql"}\n');
  for (let n = 1; n <= 1000; n += 1) {
    const table = `table_${((n - 1) % 200) + 1}`;
    const upgrade = n <= 200
      ? `op.createTable('${table}', (t) => { t.increments('id'); t.string('label', 100).notNullable(); t.timestamp('created_at').notNullable().defaultTo(op.fn.now()); });`
      : `op.alterTable('${table}', (t) => { t.integer('extra_${n}').defaultTo(${n}); });`;
    const downgrade = n <= 200 ? `op.dropTable('${table}');` : `op.alterTable('${table}', (t) => { t.dropColumn('extra_${n}'); });`;
    const parents = n === 1 ? '[]' : `['${revisionId(n - 1)}']`;
    writeFileSync(path.join(revisions, `${revisionId(n)}_change_${n}.ts`), `import { defineRevision } from 'sqlgen';\n\nexport default defineRevision({\n  id: '${revisionId(n)}',\n  parents: ${parents},\n  message: 'change ${n}',\n  upgrade(op) {\n    ${upgrade}\n  },\n  downgrade(op) {\n    ${downgrade}\n  },\n});\n`);
  }
}

export function benchAutogenerate({ bin, repo, runs, report }) {
  const cache = { ...process.env, SQLGEN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-autogenerate-cache-')) };
  const example = mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-autogenerate-example-'));
  for (const entry of ['sqlgen.config.json', 'revisions', 'schema.sql']) cpSync(path.join(repo, entry), path.join(example, entry), { recursive: true });
  rmSync(path.join(example, 'revisions', 'sqlgen.sum'), { force: true });
  const schema = readFileSync(path.join(example, 'schema.sql'), 'utf8');
  writeFileSync(path.join(example, 'schema.sql'), schema.replace('  loyalty_points integer NOT NULL DEFAULT 0\n);', '  loyalty_points integer NOT NULL DEFAULT 0,\n  phone varchar(40)\n);\nCREATE INDEX customers_phone_idx ON customers (phone);'));
  autogenerateRuns(bin, example, 1, cache);
  report('revision --autogenerate, example project', autogenerateRuns(bin, example, runs, cache));

  const wide = mkdtempSync(path.join(tmpdir(), 'sqlgen-bench-autogenerate-wide-'));
  writeWideProject(wide);
  const head = execFileSync(process.execPath, [bin, 'schema'], { cwd: wide, env: cache, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const changes = Array.from({ length: 10 }, (_, index) => `ALTER TABLE table_${index * 20 + 1} ADD COLUMN note text;\nCREATE INDEX table_${index * 20 + 1}_note_idx ON table_${index * 20 + 1} (note);`);
  writeFileSync(path.join(wide, 'schema.sql'), `${head}\n${changes.join('\n')}\n`);
  autogenerateRuns(bin, wide, 1, cache);
  report('revision --autogenerate, 200 tables, 1,000 revisions', autogenerateRuns(bin, wide, Math.min(runs, 3), cache));
  for (const folder of [example, wide, cache.SQLGEN_CACHE_DIR]) rmSync(folder, { recursive: true, force: true });
}
