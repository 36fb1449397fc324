/**
 * One graph written twice: as an Alembic project (env.py, versions/*.py) and as a sqlgen project
 * (sqlgen.config.json, revisions/*.ts). In both, revision R creates table `r_<R>` and drops it on
 * the way down, so the `r_*` tables of a database show which revisions are applied.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph, GraphRevision } from './graphs.js';

/** The table that shows `id` is applied. */
export function tableOf(id: string): string {
  return `r_${id}`;
}

// Offline only. `sqlgen_starting_rows` (set by render_alembic.py) stands for the rows a database
// holds when the start of a range is not one revision: offline, Alembic takes the start on trust.
const ENV_PY = `from alembic import context

context.configure(
    url="postgresql://",
    literal_binds=True,
    version_table="sqlgen_version",
    transaction_per_migration=True,
    dialect_name="postgresql",
    starting_rev=context.config.attributes.get("sqlgen_starting_rows"),
)
with context.begin_transaction():
    context.run_migrations()
`;

function pythonValue(items: readonly string[], single: 'string' | 'tuple'): string {
  if (items.length === 0) return 'None';
  if (items.length === 1 && single === 'string') return `'${items[0]}'`;
  return `(${items.map((item) => `'${item}', `).join('')})`;
}

function versionFile(revision: GraphRevision): string {
  return `revision = '${revision.id}'
down_revision = ${pythonValue(revision.parents, 'string')}
branch_labels = ${pythonValue(revision.branchLabels, 'tuple')}
depends_on = ${pythonValue(revision.dependsOnWritten, 'tuple')}

from alembic import op


def upgrade():
    op.execute('CREATE TABLE ${tableOf(revision.id)} (id integer)')


def downgrade():
    op.execute('DROP TABLE ${tableOf(revision.id)}')
`;
}

/** Writes the Alembic project (its script_location) to `dir`. */
export function writeAlembicProject(graph: Graph, dir: string): void {
  mkdirSync(path.join(dir, 'versions'), { recursive: true });
  writeFileSync(path.join(dir, 'env.py'), ENV_PY);
  for (const revision of graph.revisions) writeFileSync(path.join(dir, 'versions', `${revision.id}_r.py`), versionFile(revision));
}

function revisionModule(revision: GraphRevision): string {
  const definition = {
    id: revision.id,
    parents: revision.parents,
    message: `revision ${revision.id}`,
    // Written as in the Alembic project: some dependencies name a branch label.
    dependsOn: revision.dependsOnWritten,
    branchLabels: revision.branchLabels,
  };
  const table = JSON.stringify(tableOf(revision.id));
  return `export default {
  ...${JSON.stringify(definition)},
  upgrade(op) {
    op.createTable(${table}, (t) => {
      t.integer('id');
    });
  },
  downgrade(op) {
    op.dropTable(${table});
  },
};
`;
}

/** Writes the sqlgen project (PostgreSQL, version table `sqlgen_version`) to `dir`. */
export function writeSqlgenProject(graph: Graph, dir: string): void {
  mkdirSync(path.join(dir, 'revisions'), { recursive: true });
  const config = { dialect: 'postgresql', revisionsDir: 'revisions', outputDir: 'output', versionTable: { name: 'sqlgen_version' } };
  writeFileSync(path.join(dir, 'sqlgen.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  for (const revision of graph.revisions) writeFileSync(path.join(dir, 'revisions', `${revision.id}_r.ts`), revisionModule(revision));
}
