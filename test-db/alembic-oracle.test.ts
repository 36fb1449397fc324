// Alembic as the oracle for sqlgen's version bookkeeping. For 100 seeded random graphs and the
// issue's hand case, the same graph is written as an Alembic project and as a sqlgen project;
// both tools render the same ranges offline, psql applies each script to a fresh schema that the
// tool's own `upgrade base:FROM` brought to the start, and the `r_*` tables and version rows must
// be equal, except for the differences test-db/alembic/differences.ts names.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProjectScript } from '../src/compile/project-scripts.js';
import { SqlgenError } from '../src/errors.js';
import { openProject } from '../src/project.js';
import { applyBatch, dropSchemas, type Applied, type BatchItem, type DbState } from './alembic/apply.js';
import { chooseCases, GraphFacts, type Case } from './alembic/cases.js';
import { describeMismatch, explainDowngrade, NAMED_DIFFERENCES, sameState, type DifferenceName } from './alembic/differences.js';
import { generateGraph, HAND_CASE, type Graph } from './alembic/graphs.js';
import { writeAlembicProject, writeSqlgenProject } from './alembic/projects.js';
import { renderWithAlembic, type AlembicRequest, type AlembicResult } from './alembic/render-alembic.js';
import { freshPostgresDatabase, type PostgresSession, type TestDatabase } from './harness.js';

const SEEDS = Array.from({ length: Number(process.env.ORACLE_SEEDS ?? 100) }, (_, index) => index + 1);
/** psql runs at once: the machine has two cores, shared. */
const CONCURRENCY = 2;
const FRESH: DbState = { applied: [], versionRows: null, otherTables: [] };

type Rendered = { sql: string } | { error: string };

type Outcome =
  | { kind: 'same' }
  | { kind: 'named'; names: DifferenceName[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unexplained'; reason: string };

interface CaseRun {
  case: Case;
  alembic?: AlembicResult;
  sqlgen: Rendered;
  alembicApplied?: Applied;
  sqlgenApplied?: Applied;
  outcome?: Outcome;
}

interface GraphRun {
  index: number;
  graph: Graph;
  seed: number;
  facts: GraphFacts;
  alembicDir: string;
  runs: CaseRun[];
  /** sqlgen only: base:heads, heads:base, base:heads in a row. */
  roundTrip?: Applied;
}

let db: TestDatabase<PostgresSession>;
let graphs: GraphRun[] = [];

function isStartAtBase(run: CaseRun): boolean {
  return run.case.from === 'base';
}

/** The case `upgrade base:<from>` whose end is where `run` starts. */
function startOf(graph: GraphRun, from: string): CaseRun | undefined {
  return graph.runs.find((run) => run.case.command === 'upgrade' && run.case.range === `base:${from}`);
}

async function renderSqlgen(root: string, cases: readonly Case[]): Promise<Rendered[]> {
  const project = await openProject({ cwd: root, env: {}, flags: {} });
  const rendered: Rendered[] = [];
  for (const { command, range } of cases) {
    try {
      rendered.push({ sql: (await renderProjectScript(project, { command, range })).sql });
    } catch (error) {
      if (!(error instanceof SqlgenError)) throw error;
      rendered.push({ error: `${error.code}: ${error.message}` });
    }
  }
  return rendered;
}

async function forEachLimited<T>(items: readonly T[], limit: number, body: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await body(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function sqlOf(result: Rendered | AlembicResult | undefined): string | undefined {
  return result && 'sql' in result ? result.sql : undefined;
}

/** Applies the given cases of one graph for both tools (each in its own schema) and stores the results. */
async function applyCases(graph: GraphRun, runs: readonly CaseRun[], phase: string): Promise<void> {
  const schema = (run: CaseRun, tool: string) => `g${graph.index}_${phase}_${graph.runs.indexOf(run)}_${tool}`;
  for (const tool of ['alembic', 'sqlgen'] as const) {
    const items: { run: CaseRun; item: BatchItem }[] = [];
    for (const run of runs) {
      const action = sqlOf(run[tool]);
      const start = isStartAtBase(run) ? undefined : startOf(graph, run.case.from);
      const setup = start ? sqlOf(start[tool]) : '';
      if (action === undefined || setup === undefined) continue;
      items.push({ run, item: { schema: schema(run, tool), setup: setup ? [setup] : [], action: [action] } });
    }
    if (tool === 'sqlgen' && phase === 'b') {
      const [up, down] = [startOf(graph, 'heads')?.sqlgen, graph.runs.find((run) => run.case.range === 'heads:base')?.sqlgen];
      if (up && 'sql' in up && down && 'sql' in down) {
        const applied = await applyBatch(db, [{ schema: `g${graph.index}_roundtrip`, setup: [up.sql], action: [down.sql, up.sql] }]);
        graph.roundTrip = applied[0];
        await dropSchemas(db, [`g${graph.index}_roundtrip`]);
      }
    }
    const applied = await applyBatch(
      db,
      items.map(({ item }) => item),
    );
    items.forEach(({ run }, index) => {
      run[tool === 'alembic' ? 'alembicApplied' : 'sqlgenApplied'] = applied[index];
    });
    await dropSchemas(
      db,
      items.map(({ item }) => item.schema),
    );
  }
}

/** Alembic's request for a case that starts above base: offline, the start rows come on trust. */
function alembicRequest(graph: GraphRun, run: CaseRun): AlembicRequest | { skip: string } {
  const { command, range, from } = run.case;
  if (from === 'base') return { command, range };
  const start = startOf(graph, from)?.alembicApplied;
  if (!start || !('state' in start) || start.state.versionRows === null) return { skip: `Alembic's upgrade base:${from} did not give a start` };
  const rows = start.state.versionRows;
  // `FROM:TO` names one start revision; several heads go in as the rows themselves.
  const named = from === 'heads' && graph.facts.heads.length === 1 ? graph.facts.heads[0] : from;
  return JSON.stringify(rows) === JSON.stringify([named]) ? { command, range } : { command, range, startingRows: rows };
}

function judge(graph: GraphRun, run: CaseRun): Outcome {
  if (!run.alembic) return { kind: 'skipped', reason: 'no start for Alembic' };
  if ('error' in run.alembic) return { kind: 'skipped', reason: `Alembic raised ${run.alembic.error.split(':')[0]}` };
  if ('error' in run.sqlgen) return { kind: 'unexplained', reason: `sqlgen refused (${run.sqlgen.error.split(':')[0]})` };
  const [alembic, sqlgen] = [run.alembicApplied, run.sqlgenApplied];
  if (!alembic || !('state' in alembic)) return { kind: 'unexplained', reason: `Alembic's script failed in ${alembic && 'stage' in alembic ? alembic.stage : 'setup'}` };
  if (!sqlgen || !('state' in sqlgen)) return { kind: 'unexplained', reason: sqlgen ? `sqlgen's script failed in ${sqlgen.stage}` : "sqlgen's start (upgrade base:FROM) did not render" };
  if (sameState(alembic.state, sqlgen.state)) return { kind: 'same' };
  if (run.case.command !== 'downgrade') return { kind: 'unexplained', reason: describeMismatch(alembic.state, sqlgen.state, 'Alembic') };
  const reference = run.case.target === null ? FRESH : stateOf(startOf(graph, run.case.target)?.sqlgenApplied);
  const alembicStart = stateOf(startOf(graph, run.case.from)?.alembicApplied);
  if (!reference || !alembicStart) return { kind: 'unexplained', reason: `${describeMismatch(alembic.state, sqlgen.state, 'Alembic')}; no reference state` };
  const explained = explainDowngrade({ case: run.case, facts: graph.facts, alembic: alembic.state, sqlgen: sqlgen.state, sqlgenReference: reference, alembicStart });
  if ('names' in explained) return { kind: 'named', names: explained.names };
  return { kind: 'unexplained', reason: `${describeMismatch(alembic.state, sqlgen.state, 'Alembic')}; ${explained.unexplained}` };
}

function stateOf(applied: Applied | undefined): DbState | undefined {
  return applied && 'state' in applied ? applied.state : undefined;
}

function showApplied(applied: Applied | undefined, rendered: Rendered | AlembicResult | undefined): string {
  if (rendered && 'error' in rendered) return `refused: ${rendered.error}`;
  if (!applied) return 'not applied (no start)';
  if ('error' in applied) return `${applied.stage} failed: ${applied.error}`;
  const { applied: ids, versionRows } = applied.state;
  return `rows ${versionRows === null ? '(no version table)' : `[${versionRows.join(', ')}]`}, tables [${ids.join(', ')}]`;
}

function describeGraph(graph: Graph): string {
  return graph.revisions
    .map((r) => {
      const extras = [
        r.dependsOn.length > 0 ? `dependsOn [${r.dependsOnWritten.map((w, i) => (w === r.dependsOn[i] ? w : `${w}=${r.dependsOn[i]}`)).join(', ')}]` : '',
        r.branchLabels.length > 0 ? `labels [${r.branchLabels.join(', ')}]` : '',
      ].filter(Boolean);
      return `    ${r.id} <- ${r.parents.length > 0 ? r.parents.join(', ') : '<base>'}${extras.length > 0 ? `  ${extras.join('  ')}` : ''}`;
    })
    .join('\n');
}

function describeRun(graph: GraphRun, run: CaseRun): string {
  return [
    `  ${graph.graph.name}: ${run.case.command} ${run.case.range}  [${run.outcome && 'reason' in run.outcome ? run.outcome.reason : run.outcome && 'names' in run.outcome ? run.outcome.names.join(', ') : ''}]`,
    `    Alembic: ${showApplied(run.alembicApplied, run.alembic)}`,
    `    sqlgen:  ${showApplied(run.sqlgenApplied, run.sqlgen)}`,
    describeGraph(graph.graph),
  ].join('\n');
}

/** Unexplained differences grouped by shape and reason, each group with its smallest example. */
function report(pairs: readonly { graph: GraphRun; run: CaseRun }[]): string {
  const groups = new Map<string, { graph: GraphRun; run: CaseRun }[]>();
  for (const pair of pairs) {
    const reason = pair.run.outcome && 'reason' in pair.run.outcome ? pair.run.outcome.reason : '';
    const key = `${pair.run.case.shape}: ${reason}`;
    groups.set(key, [...(groups.get(key) ?? []), pair]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, members]) => {
      const smallest = [...members].sort((a, b) => a.graph.graph.revisions.length - b.graph.graph.revisions.length)[0]!;
      return `${key} (${members.length} cases)\n${describeRun(smallest.graph, smallest.run)}`;
    })
    .join('\n\n');
}

function allRuns(): { graph: GraphRun; run: CaseRun }[] {
  return graphs.flatMap((graph) => graph.runs.map((run) => ({ graph, run })));
}

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sqlgen-alembic-oracle-'));
  const graphList: { graph: Graph; seed: number }[] = [{ graph: HAND_CASE, seed: 0 }, ...SEEDS.map((seed) => ({ graph: generateGraph(seed), seed }))];
  graphs = await Promise.all(
    graphList.map(async ({ graph, seed }, index): Promise<GraphRun> => {
      const alembicDir = path.join(root, `g${index}`, 'alembic');
      const sqlgenDir = path.join(root, `g${index}`, 'sqlgen');
      writeAlembicProject(graph, alembicDir);
      writeSqlgenProject(graph, sqlgenDir);
      const facts = new GraphFacts(graph);
      const cases = chooseCases(facts, seed);
      const sqlgen = await renderSqlgen(sqlgenDir, cases);
      return { index, graph, seed, facts, alembicDir, runs: cases.map((c, i) => ({ case: c, sqlgen: sqlgen[i]! })) };
    }),
  );
  db = await freshPostgresDatabase();

  // Phase a: ranges that start at base need no start rows.
  const phaseA = graphs.map((graph) => graph.runs.filter(isStartAtBase));
  const renderedA = await renderWithAlembic(graphs.map((graph, i) => ({ dir: graph.alembicDir, requests: phaseA[i]!.map(({ case: c }) => ({ command: c.command, range: c.range })) })));
  phaseA.forEach((runs, i) => runs.forEach((run, j) => (run.alembic = renderedA[i]![j])));
  await forEachLimited(graphs, CONCURRENCY, (graph) => applyCases(graph, phaseA[graph.index]!, 'a'));

  // Phase b: the rest, starting where Alembic's own upgrade base:FROM left the rows.
  const phaseB = graphs.map((graph) =>
    graph.runs.filter((run) => !isStartAtBase(run)).map((run) => ({ run, request: alembicRequest(graph, run) })),
  );
  const requestsB = phaseB.map((entries) => entries.flatMap(({ request }) => ('skip' in request ? [] : [request])));
  const renderedB = await renderWithAlembic(graphs.map((graph, i) => ({ dir: graph.alembicDir, requests: requestsB[i]! })));
  phaseB.forEach((entries, i) => {
    const results = [...renderedB[i]!];
    for (const { run, request } of entries) if (!('skip' in request)) run.alembic = results.shift();
  });
  await forEachLimited(graphs, CONCURRENCY, (graph) =>
    applyCases(
      graph,
      graph.runs.filter((run) => !isStartAtBase(run)),
      'b',
    ),
  );
  for (const { graph, run } of allRuns()) run.outcome = judge(graph, run);
}, 600_000);

afterAll(async () => {
  await db?.drop();
});

describe('Alembic 1.8.1 as the oracle for version bookkeeping (PostgreSQL, psql)', () => {
  it('covers the graph features and range shapes the issue lists', () => {
    const generated = graphs.filter((graph) => graph.seed > 0).map((graph) => graph.graph.revisions);
    const count = (has: (revisions: Graph['revisions']) => boolean) => generated.filter(has).length;
    expect(generated.length).toBeGreaterThanOrEqual(100);
    expect(count((rs) => rs.filter((r) => r.parents.length === 0).length > 1), 'several bases').toBeGreaterThan(20);
    expect(count((rs) => rs.some((r) => r.parents.length === 3)), 'three-parent merges').toBeGreaterThan(5);
    expect(count((rs) => rs.some((r) => r.parents.length > 1 && r.parents.some((p) => rs.find((q) => q.id === p)!.parents.length > 1))), 'merges of merges').toBeGreaterThan(5);
    expect(count((rs) => rs.some((r) => r.dependsOn.length > 0)), 'dependsOn').toBeGreaterThan(20);
    expect(count((rs) => rs.some((r) => r.dependsOnWritten.some((w) => w.startsWith('lane')))), 'dependsOn naming a label').toBeGreaterThan(5);
    const shapes = new Set(allRuns().map(({ run }) => run.case.shape));
    expect(shapes.size).toBe(12);
  });

  it('Alembic renders most cases: the ones it refuses are counted, never compared', () => {
    const runs = allRuns();
    const skipped = runs.filter(({ run }) => run.outcome?.kind === 'skipped');
    const tally = new Map<string, number>();
    for (const { run } of runs) tally.set(run.outcome!.kind, (tally.get(run.outcome!.kind) ?? 0) + 1);
    console.log(`${graphs.length} graphs, ${runs.length} cases: ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
    const reasons = new Map<string, number>();
    for (const { run } of skipped) reasons.set((run.outcome as { reason: string }).reason, (reasons.get((run.outcome as { reason: string }).reason) ?? 0) + 1);
    if (skipped.length > 0) console.log(`skipped: ${[...reasons].map(([reason, n]) => `${n} × ${reason}`).join('; ')}`);
    expect(skipped.length).toBeLessThan(runs.length / 2);
  });

  it('every difference from Alembic is one the test knows by name', () => {
    const named = new Map<string, number>();
    for (const { run } of allRuns()) if (run.outcome?.kind === 'named') for (const name of run.outcome.names) named.set(name, (named.get(name) ?? 0) + 1);
    console.log(`named differences: ${[...named].map(([name, n]) => `${name} ${n} (${NAMED_DIFFERENCES[name as DifferenceName]})`).join('; ') || 'none'}`);
    // The smallest example of each name, so a reader can check the name fits.
    for (const name of named.keys()) {
      const examples = allRuns().filter(({ run }) => run.outcome?.kind === 'named' && run.outcome.names.includes(name as DifferenceName));
      const smallest = examples.sort((a, b) => a.graph.graph.revisions.length - b.graph.graph.revisions.length)[0]!;
      console.log(`${name}, e.g.:\n${describeRun(smallest.graph, smallest.run)}`);
    }
    const unexplained = allRuns().filter(({ run }) => run.outcome?.kind === 'unexplained');
    if (unexplained.length > 0) throw new Error(`${unexplained.length} differences from Alembic without a name:\n\n${report(unexplained)}`);
  });
});

describe('sqlgen alone, on every generated graph', () => {
  it('upgrade base:A then A:B ends where upgrade base:B ends (A below B)', () => {
    const failures: string[] = [];
    for (const graph of graphs) {
      for (const run of graph.runs.filter((r) => r.case.shape === 'upgrade X:Y (X below Y)')) {
        const oneShot = startOf(graph, run.case.target!)?.sqlgenApplied;
        const stepped = run.sqlgenApplied;
        const same = oneShot && stepped && 'state' in oneShot && 'state' in stepped && sameState(oneShot.state, stepped.state);
        if (!same) failures.push(`${graph.graph.name}: ${run.case.range}: stepped ${showApplied(stepped, run.sqlgen)}; base:${run.case.target} ${showApplied(oneShot, undefined)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('upgrade base:heads, downgrade heads:base, upgrade base:heads applies and ends where it began', () => {
    const failures: string[] = [];
    for (const graph of graphs) {
      const up = startOf(graph, 'heads')?.sqlgenApplied;
      const trip = graph.roundTrip;
      const same = up && trip && 'state' in up && 'state' in trip && sameState(up.state, trip.state);
      if (!same) failures.push(`${graph.graph.name}: round trip ${showApplied(trip, undefined)}; upgrade base:heads ${showApplied(up, undefined)}`);
    }
    expect(failures).toEqual([]);
  });
});
