import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Revision id number `n` as a 12-digit hex id (ids must be 4-40 lowercase letters or digits). */
export const revisionId = (n) => n.toString(16).padStart(12, '0');

/**
 * Writes a linear project of `count` TypeScript revisions into `root`: each creates a table with
 * a foreign key to the previous one and an index, inserts three rows with quoted text, and every
 * fifth alters a column (the shape the compiler benchmark of issue 3 asks for).
 */
export function generateProject(root, count) {
  const revisionsDir = path.join(root, 'revisions');
  mkdirSync(revisionsDir, { recursive: true });
  writeFileSync(path.join(root, 'sqlgen.config.json'), JSON.stringify({ dialect: 'postgresql' }) + '\n');
  for (let n = 1; n <= count; n += 1) {
    writeFileSync(path.join(revisionsDir, `${revisionId(n)}_create_table_${n}.ts`), revisionSource(n));
  }
}

function revisionSource(n) {
  const table = `table_${n}`;
  const parents = n === 1 ? '[]' : `['${revisionId(n - 1)}']`;
  const foreignKey = n === 1 ? '' : `\n      t.integer('previous_id').references('id').inTable('table_${n - 1}');`;
  const alter = n % 5 === 0 ? `\n    op.alterTable('${table}', (t) => { t.string('label', 200).alter(); });` : '';
  return `import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: '${revisionId(n)}',
  parents: ${parents},
  message: 'create ${table}',
  upgrade(op) {
    op.createTable('${table}', (t) => {
      t.increments('id');
      t.string('label', 100).notNullable();${foreignKey}
      t.index(['label'], '${table}_label_idx');
    });
    op.insert('${table}', [
      { label: "it's row one" },
      { label: 'a "quoted" row' },
      { label: 'back\\\\slash and ünïcode' },
    ]);${alter}
  },
  downgrade(op) {
    op.dropTable('${table}');
  },
});
`;
}
