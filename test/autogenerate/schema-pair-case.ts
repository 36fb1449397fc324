/**
 * One case of autogenerate's property: schemas A and B from a seed, a project at A declaring B,
 * the revision autogenerate writes, and the scripts the normal compiler renders for it. The
 * checks on an engine are the caller's: embedded engines in `npm test`, PostgreSQL 15 through
 * psql in `npm run test:db`.
 */
import { autogenerate } from '../../src/autogenerate/autogenerate.js';
import { renderProjectScript } from '../../src/compile/project-scripts.js';
import { openProject } from '../../src/project.js';
import { tempProject } from '../helpers/temp-project.js';
import { mutate, randomSchema, schemaDdl, type SchemaDialect } from './random-schemas.js';

export interface SchemaPairCase {
  ddlA: string;
  ddlB: string;
  /** What to print when the case fails: the mutations and both schemas. */
  context: string;
  /** Autogenerate's outcome: the steps it wrote, or none when A and B are the same. */
  steps: string[] | 'unchanged';
  /** The upgrade from base to the new revision, and the downgrade from it back to A. */
  upgrade: string;
  downgrade: string;
}

/** A base SQL revision, id aaaaaaaaaaaa, whose upgrade is `statements`: the head autogenerate starts from. */
export function startRevision(...statements: string[]): string {
  return ['-- sqlgen:id aaaaaaaaaaaa', '-- sqlgen:parents', '-- sqlgen:message start', '', '-- sqlgen:upgrade', ...statements].join('\n');
}

export async function schemaPairCase(seed: number, dialect: SchemaDialect): Promise<SchemaPairCase> {
  const { schema: a, generator, random } = randomSchema(seed, dialect);
  const { schema: b, mutations } = mutate(a, generator, random, dialect);
  const [ddlA, ddlB] = [schemaDdl(a, dialect), schemaDdl(b, dialect)];
  const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect }), 'revisions/aaaaaaaaaaaa_start.sql': startRevision(ddlA), 'schema.sql': ddlB });
  const context = `seed ${seed}, mutations: ${mutations.join(', ')}\n--- A\n${ddlA}\n--- B\n${ddlB}`;
  const outcome = await autogenerate(await openProject({ cwd: root, env: {}, flags: {} }), { message: 'to b', parents: ['aaaaaaaaaaaa'], format: 'ts', id: 'bbbbbbbbbbbb', renames: [] });
  if ('unchanged' in outcome) return { ddlA, ddlB, context, steps: 'unchanged', upgrade: '', downgrade: '' };
  const project = await openProject({ cwd: root, env: {}, flags: {} });
  const upgrade = (await renderProjectScript(project, { command: 'upgrade', range: 'base:heads' })).sql;
  const downgrade = (await renderProjectScript(project, { command: 'downgrade', range: 'bbbbbbbbbbbb:aaaaaaaaaaaa' })).sql;
  return { ddlA, ddlB, context, steps: outcome.steps, upgrade, downgrade };
}
