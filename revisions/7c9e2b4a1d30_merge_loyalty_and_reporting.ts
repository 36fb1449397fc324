import { defineRevision } from 'sqlgen';

export default defineRevision({
  id: '7c9e2b4a1d30',
  parents: ['5b8d1f3e9a27', '6e0a4c2d7f18'],
  message: 'merge loyalty and reporting',
  upgrade() {},
  downgrade() {},
});
