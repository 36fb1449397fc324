import { describe, expect, test } from 'vitest';
import { mysqlTarget } from '../../../src/dialects/versions.js';
import { tokenize } from '../../../src/lint/keywords/tokens.js';
import { onlineDdl, onlinePlan } from '../../../src/lint/mysql/online-ddl.js';
import { tableChanges } from '../../../src/lint/mysql/table-changes.js';
import type { LintContext } from '../../../src/lint/types.js';

const CONTEXT: LintContext = { postgresqlVersion: 15, createdTables: new Set(), createdIndexes: new Set(), lockTimeout: false, statementTimeout: false };

function kinds(sql: string): (string | undefined)[] {
  return tableChanges(tokenize(sql, 'mysql').tokens, sql)?.changes.map((change) => change.kind) ?? [];
}

/** `ALGORITHM/LOCK/rebuilds` of each change of `sql` on `target`, `-` where the manuals say nothing. */
function plan(sql: string, target: string, context: Partial<LintContext> = {}): string[] {
  const found = onlinePlan(tokenize(sql, 'mysql').tokens, sql, { ...CONTEXT, ...context, mysqlTarget: mysqlTarget(target) });
  return (found?.changes ?? []).map(({ online }) => (online ? `${online.algorithm}/${online.lock}${online.rebuildsTable ? '/rebuild' : ''}` : '-'));
}

describe('tableChanges: each clause as a row of the online DDL tables', () => {
  test.each([
    ['ALTER TABLE t ADD COLUMN a int', ['add-column']],
    ['ALTER TABLE t ADD a int NOT NULL DEFAULT 0', ['add-column']],
    ['ALTER TABLE t ADD COLUMN a int FIRST, ADD b int AFTER a', ['add-column-placed', 'add-column-placed']],
    ['ALTER TABLE t ADD COLUMN id2 int AUTO_INCREMENT UNIQUE', ['add-auto-increment-column']],
    ['ALTER TABLE t ADD COLUMN s int AS (a + 1) STORED, ADD v int GENERATED ALWAYS AS (a * 2)', ['add-stored-column', 'add-virtual-column']],
    ['ALTER TABLE t DROP COLUMN a, DROP b', ['drop-column', 'drop-column']],
    ['ALTER TABLE t RENAME COLUMN a TO b, RENAME INDEX i TO j, RENAME TO u', ['rename-column', 'rename-index', 'rename-table']],
    ['ALTER TABLE t MODIFY a bigint, CHANGE b c int', ['redefine-column', 'redefine-column']],
    ['ALTER TABLE t ALTER COLUMN a SET DEFAULT 1, ALTER b DROP DEFAULT, ALTER c SET INVISIBLE', ['set-default', 'drop-default', undefined]],
    ['ALTER TABLE t ADD INDEX i (a), ADD UNIQUE KEY u (b), ADD CONSTRAINT c UNIQUE (d), DROP INDEX j, DROP KEY k', ['add-index', 'add-index', 'add-index', 'drop-index', 'drop-index']],
    ['ALTER TABLE t ADD FULLTEXT INDEX f (body), ADD SPATIAL INDEX s (g)', ['add-fulltext-index', 'add-spatial-index']],
    ['ALTER TABLE t ADD FULLTEXT KEY f (body), ADD SPATIAL KEY s (g)', ['add-fulltext-index', 'add-spatial-index']],
    ['ALTER TABLE t ADD PRIMARY KEY (id)', ['add-primary-key']],
    ['ALTER TABLE t DROP PRIMARY KEY', ['drop-primary-key']],
    ['ALTER TABLE t DROP PRIMARY KEY, ADD CONSTRAINT pk PRIMARY KEY (id, a)', ['replace-primary-key', 'replace-primary-key']],
    ['ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id), ADD FOREIGN KEY (q) REFERENCES parent (id), DROP FOREIGN KEY fk2', ['add-foreign-key', 'add-foreign-key', 'drop-foreign-key']],
    ['ALTER TABLE t ADD CONSTRAINT ck CHECK (a > 0), ADD CHECK (b > 0), DROP CHECK ck2, DROP CONSTRAINT ck3', ['add-check', 'add-check', 'drop-constraint', 'drop-constraint']],
    ['ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4', ['convert-charset']],
    ['ALTER TABLE t DEFAULT CHARSET = utf8mb4, CHARACTER SET utf8mb4, COLLATE utf8mb4_bin', ['default-charset', 'default-charset', 'default-charset']],
    ['ALTER TABLE t ENGINE = InnoDB, FORCE, ROW_FORMAT = DYNAMIC, KEY_BLOCK_SIZE = 8', ['rebuild', 'rebuild', 'row-format', 'row-format']],
    ['ALTER TABLE t ENGINE = MyISAM, AUTO_INCREMENT = 100, COMMENT = \'x\'', [undefined, 'auto-increment-value', undefined]],
    ['ALTER TABLE t ADD COLUMN a int, ALGORITHM = INPLACE, LOCK = NONE', ['add-column']],
    ['CREATE INDEX i ON t (a)', ['add-index']],
    ['CREATE UNIQUE INDEX i ON t (a) ALGORITHM = INPLACE', ['add-index']],
    ['CREATE FULLTEXT INDEX f ON t (body)', ['add-fulltext-index']],
    ['CREATE SPATIAL INDEX s ON t (g)', ['add-spatial-index']],
    ['DROP INDEX i ON t', ['drop-index']],
    ['RENAME TABLE t TO u', ['rename-table']],
    ['UPDATE t SET a = 1', []],
    ['CREATE TABLE t (a int)', []],
  ])('%s', (sql, expected) => {
    expect(kinds(sql)).toEqual(expected);
  });

  test('each change names the column, index or constraint it acts on, when it writes one', () => {
    const sql = 'ALTER TABLE t ADD COLUMN a int, ADD UNIQUE INDEX ux (b), ADD INDEX (c), ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES q (id), ADD CONSTRAINT FOREIGN KEY (r) REFERENCES q (id), DROP FOREIGN KEY fk2, ENGINE = InnoDB';
    expect(tableChanges(tokenize(sql, 'mysql').tokens, sql)?.changes.map((change) => change.name)).toEqual(['a', 'ux', undefined, 'fk', undefined, 'fk2', undefined]);
  });

  test('ALGORITHM and LOCK are read as the statement asks them, DEFAULT as not asked', () => {
    const read = (sql: string) => {
      const found = tableChanges(tokenize(sql, 'mysql').tokens, sql);
      return [found?.algorithm, found?.lock];
    };
    expect(read('ALTER TABLE t ADD COLUMN a int, ALGORITHM = inplace, LOCK = NONE')).toEqual(['INPLACE', 'NONE']);
    expect(read('ALTER TABLE t ADD COLUMN a int, ALGORITHM = DEFAULT')).toEqual([undefined, undefined]);
    expect(read('CREATE INDEX i ON t (a) ALGORITHM = COPY LOCK = SHARED')).toEqual(['COPY', 'SHARED']);
  });
});

describe('onlinePlan: what the configured server does by default', () => {
  test('INSTANT arrived within MySQL 8.0: adding a column at 8.0.12, anywhere at 8.0.29; dropping at 8.0.29; renaming at 8.0.28', () => {
    const sql = 'ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int FIRST, DROP COLUMN c, RENAME COLUMN d TO e';
    expect(plan(sql, 'mysql-8.0.11')).toEqual(['INPLACE/NONE/rebuild', 'INPLACE/NONE/rebuild', 'INPLACE/NONE/rebuild', 'INPLACE/NONE']);
    expect(plan(sql, 'mysql-8.0.12')).toEqual(['INSTANT/NONE', 'INPLACE/NONE/rebuild', 'INPLACE/NONE/rebuild', 'INPLACE/NONE']);
    expect(plan(sql, 'mysql-8.0.28')).toEqual(['INSTANT/NONE', 'INPLACE/NONE/rebuild', 'INPLACE/NONE/rebuild', 'INSTANT/NONE']);
    expect(plan(sql, 'mysql-8.0.29')).toEqual(['INSTANT/NONE', 'INSTANT/NONE', 'INSTANT/NONE', 'INSTANT/NONE']);
    expect(plan(sql, 'mysql-8.4')).toEqual(['INSTANT/NONE', 'INSTANT/NONE', 'INSTANT/NONE', 'INSTANT/NONE']);
    // "mysql-8.0" is 8.0.0: before any of it.
    expect(plan(sql, 'mysql-8.0')).toEqual(plan(sql, 'mysql-8.0.11'));
  });

  test('what blocks writes: copies, FULLTEXT and SPATIAL indexes, an auto-increment column', () => {
    const sql = 'ALTER TABLE t MODIFY a bigint, DROP PRIMARY KEY, ADD FULLTEXT INDEX f (b), ADD SPATIAL INDEX s (g), ADD COLUMN n int AUTO_INCREMENT, CONVERT TO CHARACTER SET utf8mb4';
    expect(plan(sql, 'mysql-8.4')).toEqual(['COPY/SHARED/rebuild', 'COPY/SHARED/rebuild', 'INPLACE/SHARED/rebuild', 'INPLACE/SHARED', 'INPLACE/SHARED/rebuild', 'COPY/SHARED/rebuild']);
    expect(plan(sql, 'mariadb-10.11')).toEqual(['COPY/SHARED/rebuild', 'COPY/SHARED/rebuild', 'INPLACE/SHARED/rebuild', 'NOCOPY/SHARED', 'INPLACE/SHARED/rebuild', 'COPY/SHARED/rebuild']);
  });

  test('MariaDB 11.2 copies online: the copies take LOCK=NONE, the locking in-place changes keep their lock', () => {
    const sql = 'ALTER TABLE t MODIFY a bigint, ADD FULLTEXT INDEX f (b), ADD COLUMN n int AUTO_INCREMENT';
    expect(plan(sql, 'mariadb-11.1')).toEqual(['COPY/SHARED/rebuild', 'INPLACE/SHARED/rebuild', 'INPLACE/SHARED/rebuild']);
    expect(plan(sql, 'mariadb-11.4')).toEqual(['COPY/NONE/rebuild', 'INPLACE/SHARED/rebuild', 'INPLACE/SHARED/rebuild']);
    const [copy] = onlinePlan(tokenize(sql, 'mysql').tokens, sql, { ...CONTEXT, mysqlTarget: mysqlTarget('mariadb-11.4') })?.changes ?? [];
    expect(copy?.online?.source).toContain('Online Schema Change');
    expect(copy?.online?.caveat).toContain('CASCADE');
  });

  test('a foreign key is added by a copy unless the script turned foreign_key_checks off', () => {
    const sql = 'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id)';
    expect(plan(sql, 'mysql-8.4')).toEqual(['COPY/SHARED/rebuild']);
    expect(plan(sql, 'mysql-8.4', { foreignKeyChecksOff: true })).toEqual(['INPLACE/NONE']);
    expect(plan(sql, 'mariadb-10.6', { foreignKeyChecksOff: true })).toEqual(['NOCOPY/NONE']);
    expect(plan(sql, 'mariadb-10.11', { foreignKeyChecksOff: true })).toEqual(['INSTANT/NONE']);
  });

  test('where the manuals say nothing there is no answer', () => {
    expect(plan('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0), COMMENT = \'x\'', 'mysql-8.4')).toEqual(['-', '-']);
    expect(onlineDdl('add-column', mysqlTarget('mariadb-10.2'))).toBeUndefined();
    expect(onlineDdl('add-column', mysqlTarget('mysql-5.7'))).toBeUndefined();
  });

  test('every answer names its source', () => {
    const sql = 'ALTER TABLE t ADD COLUMN a int, DROP INDEX i';
    for (const target of ['mysql-8.0.36', 'mariadb-10.11']) {
      const changes = onlinePlan(tokenize(sql, 'mysql').tokens, sql, { ...CONTEXT, mysqlTarget: mysqlTarget(target) })?.changes ?? [];
      for (const change of changes) expect(change.online?.source).toMatch(/Reference Manual|Knowledge Base|server/);
    }
  });
});
