import { describeRule } from './rule-cases.js';

describeRule('ban-vacuum-full', {
  postgresql: {
    bad: [
      'VACUUM FULL orders;',
      'VACUUM FULL;',
      'VACUUM FULL FREEZE VERBOSE ANALYZE sales.orders;',
      'VACUUM (FULL, ANALYZE) orders, customers (email);',
      'VACUUM (FULL true) orders;',
    ],
    good: [
      'VACUUM (ANALYZE) orders;',
      'VACUUM orders;',
      'VACUUM (ANALYZE, VERBOSE) orders;',
      'VACUUM (FULL false) orders;',
      'VACUUM (FULL 0) orders;',
      'CREATE TABLE scratch (a int);\nVACUUM FULL scratch;',
    ],
  },
});
