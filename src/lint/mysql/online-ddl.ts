/**
 * How InnoDB runs each kind of table change when the statement names no `ALGORITHM` or `LOCK`:
 * the algorithm it picks, the lock it takes, and whether it rebuilds the table, per server and
 * version, as the manuals state it:
 *
 * - MySQL: Reference Manual 8.0 and 8.4, section 17.12.1 "Online DDL Operations" (tables of index,
 *   primary key, column, generated column, foreign key and table operations). With no `LOCK`
 *   clause the server permits as much as the operation allows (17.12.2, "The LOCK clause"): an
 *   operation that "permits concurrent DML" takes LOCK=NONE, any other LOCK=SHARED (reads only).
 * - MariaDB: Knowledge Base, "InnoDB Online DDL Operations with the INSTANT / NOCOPY / INPLACE
 *   Alter Algorithm" (the default is the most efficient algorithm an operation supports, and
 *   the least restrictive lock: "InnoDB Online DDL Overview"), and "Online Schema Change" for
 *   11.2's online copy. Rows those pages leave out were read from a MariaDB 10.11 server
 *   (test-db/mysql-online-ddl.test.ts checks every MariaDB row against one).
 *
 * Facts are data: per kind and flavor, a list of what holds from which version on. A version
 * before the first entry is one the manuals say nothing of, and gets no answer.
 */
import { compareVersions, DEFAULT_MYSQL_TARGET, mysqlTarget, type MysqlFlavor, type MysqlTarget } from '../../dialects/versions.js';
import type { QualifiedName } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { LintContext } from '../types.js';
import { tableChanges, type ChangeKind, type TableChange } from './table-changes.js';

/** Most efficient first; NOCOPY is MariaDB's (in place, without rebuilding the clustered index). */
export type Algorithm = 'INSTANT' | 'NOCOPY' | 'INPLACE' | 'COPY';
/** NONE permits reads and writes, SHARED reads only, EXCLUSIVE neither. */
export type OnlineLock = 'NONE' | 'SHARED' | 'EXCLUSIVE';

/** What the server does for one change by default. */
export interface OnlineDdl {
  algorithm: Algorithm;
  lock: OnlineLock;
  /** Whether every row is rewritten (a copy, or an in-place rebuild of the clustered index). */
  rebuildsTable: boolean;
  /** Where the manual says so. */
  source: string;
  /** When the server may do otherwise, for a reason the script does not show. */
  caveat?: string;
}

/**
 * The rows: each kind of change, and adding a foreign key while `foreign_key_checks` is off, which
 * the script's earlier `SET` decides rather than the statement's text.
 */
type FactKind = ChangeKind | 'add-unchecked-foreign-key';

/** From which version on an answer holds. */
interface Since {
  from: string;
  ddl: OnlineDdl;
}

const MYSQL_MANUAL = 'MySQL 8.0/8.4 Reference Manual, 17.12.1 Online DDL Operations';
const MARIADB_PAGES = 'MariaDB Knowledge Base, InnoDB Online DDL Operations with the';
/** The first MariaDB with ALGORITHM=INSTANT and NOCOPY, the terms its pages use; older ones are not described. */
const MARIADB_INSTANT = '10.3.7';
/** The MariaDB the rows its pages leave out were read from. */
const MARIADB_SERVER = '10.11';
const SERVER_SOURCE = 'MariaDB 10.11 server (test-db/mysql-online-ddl.test.ts)';

function ddl(algorithm: Algorithm, lock: OnlineLock, rebuildsTable: boolean, source: string, caveat?: string): OnlineDdl {
  return { algorithm, lock, rebuildsTable, source, ...(caveat && { caveat }) };
}

const mysql = (section: string): string => `${MYSQL_MANUAL}: ${section}`;
const mariadb = (algorithm: Algorithm, section: string): string => `${MARIADB_PAGES} ${algorithm} Alter Algorithm: ${section}`;

/** An operation that changes only metadata in place (MySQL before INSTANT, and kinds without it). */
const mysqlMetadata = (section: string): OnlineDdl => ddl('INPLACE', 'NONE', false, mysql(section));
const mysqlRebuild = (section: string, caveat?: string): OnlineDdl => ddl('INPLACE', 'NONE', true, mysql(section), caveat);
const mysqlCopy = (section: string, caveat?: string): OnlineDdl => ddl('COPY', 'SHARED', true, mysql(section), caveat);

const REDEFINITION_CAVEAT =
  'the worst case, a new data type; a change of NULL/NOT NULL or of position rebuilds in place without blocking writes, and a longer VARCHAR (within the same length-byte range), a new last ENUM/SET value or a rename changes only metadata';
const FULLTEXT_CAVEAT = 'only the first FULLTEXT index of a table without an FTS_DOC_ID column rebuilds it';
const PRIMARY_KEY_CAVEAT = 'in place unless a column must be made NOT NULL';
const CHARSET_CAVEAT = 'rebuilt only when the new character encoding differs';

/** MySQL's rows. Column, primary key and index rows from the tables of 17.12.1; INSTANT came with 8.0.12, 8.0.28 and 8.0.29. */
const MYSQL_FACTS: Readonly<Record<FactKind, readonly Since[]>> = {
  'add-column': [
    { from: '8.0', ddl: mysqlRebuild('Column Operations, Adding a column') },
    { from: '8.0.12', ddl: ddl('INSTANT', 'NONE', false, mysql('Column Operations, Adding a column (INSTANT by default since 8.0.12)')) },
  ],
  'add-column-placed': [
    { from: '8.0', ddl: mysqlRebuild('Column Operations, Adding a column (INSTANT only as the last column before 8.0.29)') },
    { from: '8.0.29', ddl: ddl('INSTANT', 'NONE', false, mysql('Column Operations, Adding a column (in any position since 8.0.29)')) },
  ],
  'add-auto-increment-column': [{ from: '8.0', ddl: ddl('INPLACE', 'SHARED', true, mysql('Column Operations, Adding a column (no concurrent DML for an auto-increment column)')) }],
  'add-stored-column': [{ from: '8.0', ddl: mysqlCopy('Generated Column Operations, Adding a STORED column') }],
  'add-virtual-column': [
    { from: '8.0', ddl: mysqlMetadata('Generated Column Operations, Adding a VIRTUAL column') },
    { from: '8.0.12', ddl: ddl('INSTANT', 'NONE', false, mysql('Generated Column Operations, Adding a VIRTUAL column')) },
  ],
  'drop-column': [
    { from: '8.0', ddl: mysqlRebuild('Column Operations, Dropping a column') },
    { from: '8.0.29', ddl: ddl('INSTANT', 'NONE', false, mysql('Column Operations, Dropping a column (INSTANT since 8.0.29)')) },
  ],
  'rename-column': [
    { from: '8.0', ddl: mysqlMetadata('Column Operations, Renaming a column') },
    { from: '8.0.28', ddl: ddl('INSTANT', 'NONE', false, mysql('Column Operations, Renaming a column (INSTANT since 8.0.28)')) },
  ],
  'redefine-column': [{ from: '8.0', ddl: mysqlCopy('Column Operations, Changing the column data type', REDEFINITION_CAVEAT) }],
  'set-default': [
    { from: '8.0', ddl: mysqlMetadata('Column Operations, Setting a column default value') },
    { from: '8.0.12', ddl: ddl('INSTANT', 'NONE', false, mysql('Column Operations, Setting a column default value')) },
  ],
  'drop-default': [
    { from: '8.0', ddl: mysqlMetadata('Column Operations, Dropping the column default value') },
    { from: '8.0.12', ddl: ddl('INSTANT', 'NONE', false, mysql('Column Operations, Dropping the column default value')) },
  ],
  'add-index': [{ from: '8.0', ddl: ddl('INPLACE', 'NONE', false, mysql('Index Operations, Creating or adding a secondary index')) }],
  'drop-index': [{ from: '8.0', ddl: mysqlMetadata('Index Operations, Dropping an index') }],
  'rename-index': [{ from: '8.0', ddl: mysqlMetadata('Index Operations, Renaming an index') }],
  'add-fulltext-index': [{ from: '8.0', ddl: ddl('INPLACE', 'SHARED', true, mysql('Index Operations, Adding a FULLTEXT index'), FULLTEXT_CAVEAT) }],
  'add-spatial-index': [{ from: '8.0', ddl: ddl('INPLACE', 'SHARED', false, mysql('Index Operations, Adding a SPATIAL index')) }],
  'add-primary-key': [{ from: '8.0', ddl: mysqlRebuild('Primary Key Operations, Adding a primary key', PRIMARY_KEY_CAVEAT) }],
  'drop-primary-key': [{ from: '8.0', ddl: mysqlCopy('Primary Key Operations, Dropping a primary key') }],
  'replace-primary-key': [{ from: '8.0', ddl: mysqlRebuild('Primary Key Operations, Dropping a primary key and adding another') }],
  'add-foreign-key': [{ from: '8.0', ddl: mysqlCopy('Foreign Key Operations, Adding a foreign key constraint (INPLACE only with foreign_key_checks disabled)') }],
  'add-unchecked-foreign-key': [{ from: '8.0', ddl: mysqlMetadata('Foreign Key Operations, Adding a foreign key constraint (foreign_key_checks disabled)') }],
  'drop-foreign-key': [{ from: '8.0', ddl: mysqlMetadata('Foreign Key Operations, Dropping a foreign key constraint') }],
  // The tables have no row for CHECK constraints.
  'add-check': [],
  'drop-constraint': [],
  'convert-charset': [{ from: '8.0', ddl: mysqlCopy('Table Operations, Converting a character set', CHARSET_CAVEAT) }],
  'default-charset': [{ from: '8.0', ddl: mysqlRebuild('Table Operations, Specifying a character set', CHARSET_CAVEAT) }],
  rebuild: [{ from: '8.0', ddl: mysqlRebuild('Table Operations, Rebuilding with the FORCE option / Performing a null rebuild') }],
  'row-format': [{ from: '8.0', ddl: mysqlRebuild('Table Operations, Changing the ROW_FORMAT / KEY_BLOCK_SIZE') }],
  'auto-increment-value': [{ from: '8.0', ddl: mysqlMetadata('Column Operations, Changing the auto-increment value') }],
  'rename-table': [{ from: '8.0', ddl: ddl('INSTANT', 'NONE', false, mysql('Table Operations, Renaming a table')) }],
};

const mariadbInstant = (section: string, lock: OnlineLock = 'NONE'): OnlineDdl => ddl('INSTANT', lock, false, mariadb('INSTANT', section));
const mariadbRebuild = (section: string, lock: OnlineLock = 'NONE', caveat?: string): OnlineDdl => ddl('INPLACE', lock, true, mariadb('INPLACE', section), caveat);
const mariadbCopy = (source: string, caveat?: string): OnlineDdl => ddl('COPY', 'SHARED', true, source, caveat);
const since = (from: string, ddl: OnlineDdl): Since[] => [{ from, ddl }];

/** MariaDB's rows: from 10.3.7 unless the pages name a version. */
const MARIADB_FACTS: Readonly<Record<FactKind, readonly Since[]>> = {
  'add-column': [
    { from: MARIADB_INSTANT, ddl: mariadbInstant('ALTER TABLE ... ADD COLUMN (as the last column since 10.3.2)') },
  ],
  'add-column-placed': [
    { from: MARIADB_INSTANT, ddl: mariadbRebuild('ALTER TABLE ... ADD COLUMN') },
    { from: '10.4', ddl: mariadbInstant('ALTER TABLE ... ADD COLUMN (in any position since 10.4)') },
  ],
  'add-auto-increment-column': since(MARIADB_INSTANT, mariadbRebuild('ALTER TABLE ... ADD COLUMN (an auto-increment column needs a lock)', 'SHARED')),
  'add-stored-column': since(MARIADB_SERVER, mariadbCopy(SERVER_SOURCE)),
  'add-virtual-column': since(MARIADB_SERVER, ddl('INSTANT', 'NONE', false, SERVER_SOURCE)),
  'drop-column': [
    { from: MARIADB_INSTANT, ddl: mariadbRebuild('ALTER TABLE ... DROP COLUMN') },
    { from: '10.4', ddl: mariadbInstant('ALTER TABLE ... DROP COLUMN (since 10.4)') },
  ],
  'rename-column': since(MARIADB_INSTANT, mariadbInstant('ALTER TABLE ... CHANGE COLUMN (the name only)')),
  'redefine-column': since(MARIADB_INSTANT, mariadbCopy(mariadb('INPLACE', 'Changing the Data Type of a Column'), REDEFINITION_CAVEAT)),
  'set-default': since(MARIADB_INSTANT, mariadbInstant("Setting a Column's Default Value")),
  'drop-default': since(MARIADB_INSTANT, mariadbInstant("Removing a Column's Default Value")),
  'add-index': since(MARIADB_INSTANT, ddl('NOCOPY', 'NONE', false, mariadb('NOCOPY', 'Adding a Plain Index'))),
  'drop-index': since(MARIADB_INSTANT, ddl('NOCOPY', 'NONE', false, mariadb('NOCOPY', 'ALTER TABLE ... DROP INDEX and DROP INDEX'))),
  'rename-index': since(MARIADB_SERVER, ddl('INSTANT', 'NONE', false, SERVER_SOURCE)),
  'add-fulltext-index': since(MARIADB_INSTANT, mariadbRebuild('Adding a Fulltext Index', 'SHARED', FULLTEXT_CAVEAT)),
  'add-spatial-index': since(MARIADB_INSTANT, ddl('NOCOPY', 'SHARED', false, mariadb('NOCOPY', 'Adding a Spatial Index'))),
  'add-primary-key': since(MARIADB_INSTANT, mariadbRebuild('ALTER TABLE ... ADD PRIMARY KEY')),
  'drop-primary-key': since(MARIADB_INSTANT, mariadbCopy(mariadb('INPLACE', 'ALTER TABLE ... DROP PRIMARY KEY'))),
  'replace-primary-key': since(MARIADB_INSTANT, mariadbRebuild('ALTER TABLE ... DROP PRIMARY KEY (with a new primary key)')),
  'add-foreign-key': since(MARIADB_INSTANT, mariadbCopy(mariadb('NOCOPY', 'ALTER TABLE ... ADD FOREIGN KEY (NOCOPY only with foreign_key_checks=OFF)'))),
  // The pages say NOCOPY; 10.11 accepts ALGORITHM=INSTANT.
  'add-unchecked-foreign-key': [
    { from: MARIADB_INSTANT, ddl: ddl('NOCOPY', 'NONE', false, mariadb('NOCOPY', 'ALTER TABLE ... ADD FOREIGN KEY (foreign_key_checks=OFF)')) },
    { from: MARIADB_SERVER, ddl: ddl('INSTANT', 'NONE', false, SERVER_SOURCE) },
  ],
  'drop-foreign-key': since(MARIADB_INSTANT, mariadbInstant('ALTER TABLE ... DROP FOREIGN KEY')),
  'add-check': since(MARIADB_SERVER, mariadbCopy(SERVER_SOURCE)),
  'drop-constraint': since(MARIADB_INSTANT, ddl('INSTANT', 'NONE', false, mariadb('INSTANT', 'ALTER TABLE ... DROP CONSTRAINT (a CHECK constraint, since 10.3.6)'), 'for a CHECK constraint; another kind drops as that kind does')),
  'convert-charset': since(MARIADB_SERVER, mariadbCopy(SERVER_SOURCE, 'INSTANT when no converted column is indexed and the old encoding fits in the new one (utf8mb3 to utf8mb4)')),
  'default-charset': since(MARIADB_SERVER, ddl('INSTANT', 'NONE', false, SERVER_SOURCE)),
  rebuild: since(MARIADB_INSTANT, mariadbRebuild('ALTER TABLE ... FORCE / ALTER TABLE ... ENGINE=InnoDB')),
  'row-format': since(MARIADB_INSTANT, mariadbRebuild('ALTER TABLE ... ROW_FORMAT=... / KEY_BLOCK_SIZE=...')),
  'auto-increment-value': since(MARIADB_INSTANT, mariadbInstant('ALTER TABLE ... AUTO_INCREMENT=...')),
  'rename-table': since(MARIADB_INSTANT, mariadbInstant('ALTER TABLE ... RENAME TO and RENAME TABLE ...', 'EXCLUSIVE')),
};

const FACTS: Record<MysqlFlavor, Readonly<Record<FactKind, readonly Since[]>>> = { mysql: MYSQL_FACTS, mariadb: MARIADB_FACTS };

/**
 * From MariaDB 11.2, a table copy lets reads and writes go on (it logs them and applies them at the
 * end), so the copies above take LOCK=NONE by default; adding an auto-increment column is no
 * copy and keeps its lock. Source: MariaDB Knowledge Base, "Online Schema Change".
 */
const ONLINE_COPY: Partial<Record<MysqlFlavor, string>> = { mariadb: '11.2' };
const ONLINE_COPY_SOURCE = 'MariaDB Knowledge Base, Online Schema Change (11.2 and later)';
const ONLINE_COPY_CAVEAT = 'a table with ON DELETE/ON UPDATE CASCADE or SET NULL foreign keys is copied with LOCK=SHARED';

/**
 * What the target server does by default for a change, or undefined where the manuals say
 * nothing (an unknown kind, a CHECK constraint on MySQL, a version older than they describe).
 *
 * @example
 * onlineDdl('drop-column', { flavor: 'mysql', version: '8.0.28' })
 * // { algorithm: 'INPLACE', lock: 'NONE', rebuildsTable: true, source: 'MySQL 8.0/8.4 Reference Manual, ...: Column Operations, Dropping a column' }
 */
export function onlineDdl(kind: ChangeKind | undefined, target: MysqlTarget, foreignKeyChecks = true): OnlineDdl | undefined {
  if (kind === undefined) return undefined;
  const row: FactKind = kind === 'add-foreign-key' && !foreignKeyChecks ? 'add-unchecked-foreign-key' : kind;
  const found = FACTS[target.flavor][row].findLast((fact) => compareVersions(target.version, fact.from) >= 0)?.ddl;
  if (found?.algorithm !== 'COPY' || defaultCopyLock(target) === 'SHARED') return found;
  return { ...found, lock: 'NONE', source: `${found.source}; ${ONLINE_COPY_SOURCE}`, caveat: [found.caveat, ONLINE_COPY_CAVEAT].filter(Boolean).join('; ') };
}

/**
 * The lock a table copy takes when the statement names none: LOCK=SHARED, but LOCK=NONE from
 * MariaDB 11.2 (see ONLINE_COPY).
 */
export function defaultCopyLock(target: MysqlTarget): OnlineLock {
  const onlineCopyFrom = ONLINE_COPY[target.flavor];
  return onlineCopyFrom !== undefined && compareVersions(target.version, onlineCopyFrom) >= 0 ? 'NONE' : 'SHARED';
}

/** One change of a statement and what the server does for it. */
export interface PlannedChange extends TableChange {
  /** Undefined where the manuals say nothing. */
  online: OnlineDdl | undefined;
}

/** A MySQL/MariaDB table statement's changes, each with its default algorithm and lock. */
export interface OnlinePlan {
  table: QualifiedName;
  changes: PlannedChange[];
  /** The statement's own `ALGORITHM=`/`LOCK=`, which override the defaults or make it fail. */
  algorithm?: string;
  lock?: string;
}

/**
 * The online DDL plan of an `ALTER TABLE`, `CREATE INDEX`, `DROP INDEX` or `RENAME TABLE` for the
 * context's server (DEFAULT_MYSQL_TARGET when it names none), with `SET foreign_key_checks` as
 * the script left it; undefined for other statements. For the lock report and the rules.
 *
 * @example
 * onlinePlan(tokenize('ALTER TABLE t ADD FULLTEXT INDEX ft (body)', 'mysql').tokens, sql, context)?.changes[0].online
 * // { algorithm: 'INPLACE', lock: 'SHARED', rebuildsTable: true, source: '...Adding a FULLTEXT index', caveat: '...' }
 */
export function onlinePlan(tokens: readonly Token[], sql: string, context: LintContext): OnlinePlan | undefined {
  const found = tableChanges(tokens, sql);
  if (!found) return undefined;
  const target = targetOf(context);
  const foreignKeyChecks = context.foreignKeyChecksOff !== true;
  const changes = found.changes.map((change) => ({ ...change, online: onlineDdl(change.kind, target, foreignKeyChecks) }));
  return { table: found.table, changes, ...(found.algorithm && { algorithm: found.algorithm }), ...(found.lock && { lock: found.lock }) };
}

/** The context's MySQL/MariaDB server, or the default one. */
export function targetOf(context: LintContext): MysqlTarget {
  return context.mysqlTarget ?? mysqlTarget(DEFAULT_MYSQL_TARGET);
}

/** The target as people write it: `MySQL 8.4`, `MariaDB 10.11`. */
export function targetLabel(target: MysqlTarget): string {
  return `${target.flavor === 'mysql' ? 'MySQL' : 'MariaDB'} ${target.version}`;
}
