import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { revisionId } from './generate-project.js';

// Offline only: a URL names the dialect, no DBAPI is imported. One transaction per revision, as
// sqlgen writes them, and values inlined, as sqlgen's scripts have them.
const ENV_PY = `from alembic import context

context.configure(
    url="postgresql://",
    literal_binds=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
`;

/**
 * Writes into `root` the Alembic twin of `generateProject(root, count)`: the same linear graph,
 * each revision creating the same table, foreign key, index and rows, and every fifth widening the
 * same column, so both tools render equivalent scripts.
 */
export function generateAlembicProject(root, count) {
  const versions = path.join(root, 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(path.join(root, 'alembic.ini'), '[alembic]\nscript_location = .\n');
  writeFileSync(path.join(root, 'env.py'), ENV_PY);
  for (let n = 1; n <= count; n += 1) {
    writeFileSync(path.join(versions, `${revisionId(n)}_create_table_${n}.py`), revisionSource(n));
  }
}

function revisionSource(n) {
  const table = `table_${n}`;
  const parent = n === 1 ? 'None' : `'${revisionId(n - 1)}'`;
  const foreignKey = n === 1 ? '' : `\n        sa.Column('previous_id', sa.Integer, sa.ForeignKey('table_${n - 1}.id')),`;
  const alter = n % 5 === 0 ? `\n    op.alter_column('${table}', 'label', type_=sa.String(200))` : '';
  return `"""create ${table}"""
from alembic import op
import sqlalchemy as sa

revision = '${revisionId(n)}'
down_revision = ${parent}
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        '${table}',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('label', sa.String(100), nullable=False),${foreignKey}
    )
    op.create_index('${table}_label_idx', '${table}', ['label'])
    op.bulk_insert(table, [
        {'label': "it's row one"},
        {'label': 'a "quoted" row'},
        {'label': 'back\\\\slash and ünïcode'},
    ])${alter}


def downgrade():
    op.drop_table('${table}')
`;
}
