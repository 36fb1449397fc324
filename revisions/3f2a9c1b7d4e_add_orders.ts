import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: '3f2a9c1b7d4e',
  parents: ['1a2b3c4d5e6f'],
  message: 'add orders',
  upgrade(op) {
    op.createTable('orders', (t) => {
      t.increments('id');
      t.integer('customer_id').unsigned().notNullable().references('id').inTable('customers');
      t.decimal('total', 12, 2).notNullable();
      t.string('status', 20).notNullable().defaultTo('pending');
      t.text('note');
    });
  },
  downgrade(op) {
    op.dropTable('orders');
  },
});
