import { defineRevision } from 'sqlgen';

// Reference data whose names carry the quotes and accents that naive string
// concatenation gets wrong; every value must be inlined escaped for the dialect.
const COUNTRIES = [
  { code: 'CI', name: "Côte d'Ivoire" },
  { code: 'LA', name: "Lao People's Democratic Republic" },
  { code: 'NL', name: 'Nederland' },
  { code: 'IS', name: 'Ísland' },
  { code: 'JP', name: '日本' },
  { code: 'XK', name: 'Kosovo \\ "provisional"' },
];

export default defineRevision({
  id: '4c5d6e7f8a9b',
  parents: ['3f2a9c1b7d4e'],
  message: 'add countries with names',
  upgrade(op) {
    op.createTable('countries', (t) => {
      t.string('code', 2).primary();
      t.string('name', 100).notNullable();
    });
    op.insert('countries', COUNTRIES);
  },
  downgrade(op) {
    op.dropTable('countries');
  },
});
