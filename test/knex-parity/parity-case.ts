import type { Operations } from '../../src/revisions/types.js';

/** One case of knex's schema-builder unit tests: builder calls as a revision body, and knex's SQL for them. */
export interface ParityCase {
  /** `<dialect>-<n>`, n counting knex's tests of that dialect in file order. */
  id: string;
  /** The first operation and its table, to recognise the case. */
  op: string;
  run: (op: Operations) => void;
  /** The statements knex's test checks, in order (it may check only some of them). */
  knex: string[];
  /** How many statements knex's test says there are, where it says so. */
  count?: number;
}
