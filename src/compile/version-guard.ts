import type { Dialect } from '../dialects/dialect.js';
import type { GuardedTable } from '../dialects/version-guard-syntax.js';
import type { Statement } from './statement.js';
import { VERSION_COLUMN, type VersionTable, type VersionTableSql } from './version-table.js';

/**
 * The statements that open each revision's part of a script: they stop the script, before it
 * changes anything, unless the version table holds exactly the rows the revision expects.
 * From base, an absent table is created first (an empty one is accepted).
 */
export class VersionGuard {
  private readonly table: GuardedTable;

  constructor(
    private readonly dialect: Dialect,
    versionTable: VersionTable,
    private readonly versionSql: VersionTableSql,
  ) {
    const quoted = [versionTable.schema, versionTable.name].filter((part) => part !== undefined).map(dialect.quoteIdentifier).join('.');
    this.table = { quoted, name: versionTable.name, ...(versionTable.schema !== undefined && { schema: versionTable.schema }), column: VERSION_COLUMN };
  }

  /** `expected`: the rows (sorted ids) the database must hold; none means "at base". */
  statements(expected: readonly string[]): Statement[] {
    const syntax = this.dialect.versionGuard;
    const creates = expected.length === 0 ? [...syntax.lock(this.table).map(guardStatement), this.createIfAbsent()] : [];
    return [...creates, ...syntax.check(this.table, expected).map(guardStatement)];
  }

  /** A guarded script from base accepts an empty version table as well as none. */
  private createIfAbsent(): Statement {
    const create = this.versionSql.create();
    return { ...create, sql: this.dialect.versionGuard.createIfAbsent(create.sql, this.table) };
  }
}

/**
 * Transactional, so it commits with the revision where DDL is transactional; `schema`, so on
 * MySQL it runs where DDL runs, outside a transaction, before the revision's first DDL.
 */
function guardStatement(sql: string): Statement {
  return { sql, literals: [], origin: 'raw', kind: 'schema', transactional: true, operation: 'version guard' };
}
