import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: '5b8d1f3e9a27',
  parents: ['4c5d6e7f8a9b'],
  message: 'add loyalty points',
  branchLabels: ['loyalty'],
  upgrade(op) {
    op.alterTable('customers', (t) => {
      t.integer('loyalty_points').notNullable().defaultTo(0);
    });
    op.update('customers', { loyalty_points: 100 }, { country_code: 'NL' });
  },
  downgrade(op) {
    op.alterTable('customers', (t) => {
      t.dropColumn('loyalty_points');
    });
  },
});
