// The MariaDB rows of the online DDL model (src/lint/mysql/online-ddl.ts) against the MariaDB
// server: for each kind of change, the most efficient ALGORITHM the server accepts is the one the
// model says it picks by default, the least restrictive LOCK it accepts with it is the model's
// lock, and the table is rebuilt exactly when NOCOPY is refused. Each try runs on fresh tables.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mysqlTarget } from '../src/dialects/versions.js';
import { tokenize } from '../src/lint/keywords/tokens.js';
import { onlinePlan, type Algorithm, type OnlineLock } from '../src/lint/mysql/online-ddl.js';
import { CHANGE_KINDS, type ChangeKind } from '../src/lint/mysql/table-changes.js';
import type { LintContext } from '../src/lint/types.js';
import { freshMariadbDatabase, type MariadbSession, type TestDatabase } from './harness.js';

const TABLES = `
DROP TABLE IF EXISTS t, t_renamed, nopk, narrow, parent;
CREATE TABLE parent (id int PRIMARY KEY);
INSERT INTO parent VALUES (1), (2);
CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(50), c int NOT NULL DEFAULT 0, p int, body text,
  g point NOT NULL DEFAULT (point(0, 0)), KEY ix_a (a), CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES parent (id),
  CONSTRAINT ck_c CHECK (c >= 0)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO t (id, a, b, c, p, body) VALUES (1, 1, 'x', 1, 1, 'one'), (2, 2, 'y', 2, 2, 'two');
CREATE TABLE nopk (id int NOT NULL, a int) ENGINE=InnoDB;
INSERT INTO nopk VALUES (1, 1), (2, 2);
CREATE TABLE narrow (id int PRIMARY KEY, b varchar(50)) ENGINE=InnoDB DEFAULT CHARSET=latin1;
INSERT INTO narrow VALUES (1, 'a');
`;

/** One statement per kind; where the model gives a worst case, the statement is that case. */
const CASES: Record<ChangeKind, string> = {
  'add-column': 'ALTER TABLE t ADD COLUMN n int',
  'add-column-placed': 'ALTER TABLE t ADD COLUMN n int AFTER id',
  'add-auto-increment-column': 'ALTER TABLE nopk ADD COLUMN n int AUTO_INCREMENT UNIQUE',
  'add-stored-column': 'ALTER TABLE t ADD COLUMN n int AS (a + 1) STORED',
  'add-virtual-column': 'ALTER TABLE t ADD COLUMN n int AS (a + 1) VIRTUAL',
  'drop-column': 'ALTER TABLE t DROP COLUMN b',
  'rename-column': 'ALTER TABLE t RENAME COLUMN b TO b2',
  'redefine-column': 'ALTER TABLE t MODIFY a bigint',
  'set-default': 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 1',
  'drop-default': 'ALTER TABLE t ALTER COLUMN c DROP DEFAULT',
  'add-index': 'ALTER TABLE t ADD INDEX ix_b (b)',
  'drop-index': 'ALTER TABLE t DROP INDEX ix_a',
  'rename-index': 'ALTER TABLE t RENAME INDEX ix_a TO ix_a2',
  'add-fulltext-index': 'ALTER TABLE t ADD FULLTEXT INDEX ft (body)',
  'add-spatial-index': 'ALTER TABLE t ADD SPATIAL INDEX sp (g)',
  'add-primary-key': 'ALTER TABLE nopk ADD PRIMARY KEY (id)',
  'drop-primary-key': 'ALTER TABLE narrow DROP PRIMARY KEY',
  'replace-primary-key': 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, c)',
  'add-foreign-key': 'ALTER TABLE t ADD CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES parent (id)',
  'drop-foreign-key': 'ALTER TABLE t DROP FOREIGN KEY fk_p',
  'add-check': 'ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0)',
  'drop-constraint': 'ALTER TABLE t DROP CONSTRAINT ck_c',
  'convert-charset': 'ALTER TABLE narrow CONVERT TO CHARACTER SET utf8mb4',
  'default-charset': 'ALTER TABLE narrow DEFAULT CHARACTER SET utf8mb4',
  rebuild: 'ALTER TABLE t FORCE',
  'row-format': 'ALTER TABLE t ROW_FORMAT=COMPACT',
  'auto-increment-value': 'ALTER TABLE t AUTO_INCREMENT=100',
  'rename-table': 'ALTER TABLE t RENAME TO t_renamed',
};

/** The script's own `SET` before the statement, for the cases that depend on one. */
const UNCHECKED = 'SET foreign_key_checks = 0;';

const ALGORITHMS: readonly Algorithm[] = ['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'];
const LOCKS: readonly OnlineLock[] = ['NONE', 'SHARED', 'EXCLUSIVE'];

let database: TestDatabase<MariadbSession>;
let version: string;

beforeAll(async () => {
  database = await freshMariadbDatabase();
  const [[full]] = (await database.query('SELECT VERSION()')) as [[string]];
  version = /^\d+\.\d+/.exec(full)?.[0] ?? full;
});

afterAll(async () => {
  await database?.drop();
});

/** Whether the server runs `statement` with these options, on fresh tables. */
async function accepts(statement: string, options: string, prelude = ''): Promise<boolean> {
  const result = await database.applyScript(`${TABLES}${prelude}\n${statement}, ${options};`, { allowFailure: true });
  return result.exitCode === 0;
}

async function serverDefault(statement: string, prelude = ''): Promise<{ algorithm: Algorithm; lock: OnlineLock } | undefined> {
  for (const algorithm of ALGORITHMS) {
    if (!(await accepts(statement, `ALGORITHM=${algorithm}`, prelude))) continue;
    for (const lock of LOCKS) if (await accepts(statement, `ALGORITHM=${algorithm}, LOCK=${lock}`, prelude)) return { algorithm, lock };
  }
  return undefined;
}

function modelDefault(statement: string, context: Partial<LintContext> = {}) {
  const full: LintContext = { postgresqlVersion: 15, createdTables: new Set(), createdIndexes: new Set(), lockTimeout: false, statementTimeout: false, ...context };
  const plan = onlinePlan(tokenize(statement, 'mysql').tokens, statement, { ...full, mysqlTarget: mysqlTarget(`mariadb-${version}`) });
  return plan?.changes[0];
}

describe('the MariaDB rows of the online DDL model, against the server', () => {
  test('every kind of change has a case', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CHANGE_KINDS].sort());
  });

  const cases: [string, string, string][] = [
    ...Object.entries(CASES).map(([kind, statement]): [string, string, string] => [kind, statement, '']),
    ['add-foreign-key after SET foreign_key_checks = 0', CASES['add-foreign-key'], UNCHECKED],
  ];
  test.each(cases)('%s: %s', async (kind, statement, prelude) => {
    const change = modelDefault(statement, prelude ? { foreignKeyChecksOff: true } : {});
    expect(change?.kind).toBe(kind.split(' ')[0]);
    const online = change?.online;
    expect(online, 'the model has a MariaDB answer').toBeDefined();
    const server = await serverDefault(statement, prelude);
    expect(server).toEqual({ algorithm: online?.algorithm, lock: online?.lock });
    expect(online?.rebuildsTable).toBe(server?.algorithm === 'INPLACE' || server?.algorithm === 'COPY');
  });
});
