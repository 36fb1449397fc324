import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: "a1b2c3d4e5f6",
  parents: ["7c9e2b4a1d30"],
  message: "add customer phone",
  upgrade(op) {
    op.alterTable('customers', (t) => {
      t.string('phone', 40);
    });
    op.outsideTransaction(() => {
      op.execute('CREATE INDEX CONCURRENTLY customers_phone_idx ON customers (phone)');
    });
  },
  downgrade(op) {
    op.outsideTransaction(() => {
      op.execute('DROP INDEX CONCURRENTLY customers_phone_idx');
    });
    // Loses data: drops column customers.phone and its values.
    op.alterTable('customers', (t) => {
      t.dropColumn('phone');
    });
  },
});
