import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: '1a2b3c4d5e6f',
  parents: [],
  message: 'create customers',
  upgrade(op) {
    op.createTable('customers', (t) => {
      t.increments('id');
      t.string('email', 320).notNullable().unique();
      t.string('full_name', 200).notNullable();
      t.string('country_code', 2);
      t.timestamp('created_at').notNullable().defaultTo(op.fn.now());
    });
  },
  downgrade(op) {
    op.dropTable('customers');
  },
});
