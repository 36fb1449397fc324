// Where scripts put their transactions, read from the script text, and what is left in the
// database when a statement of the third revision fails: the version table must name the last
// revision that completed, so the DBA knows where to resume.
import { describe, expect, it } from 'vitest';
import { sqlPieces } from '../src/compile/inline-bindings.js';
import type { ScriptRequest } from '../src/compile/project-scripts.js';
import { MYSQL_SYNTAX } from '../src/dialects/literals/mysql.js';
import type { Row } from './harness.js';
import { renderFor } from '../test/helpers/render.js';
import { fixtureProject } from './render.js';
import { TARGETS, firstColumn, withDatabase, type Target } from './targets.js';

const FIXTURE = fixtureProject('third-revision-fails');
const SECOND_REVISION = 'b2b2b2b2b2b2';

// ------------------------------------------------------------------------------ script text

type StatementKind = 'begin' | 'commit' | 'ddl' | 'data' | 'session' | 'guard' | 'hand-written';

const KIND_BY_FIRST_WORD: Record<string, StatementKind> = {
  START: 'begin',
  COMMIT: 'commit',
  CREATE: 'ddl',
  ALTER: 'ddl',
  DROP: 'ddl',
  RENAME: 'ddl',
  TRUNCATE: 'ddl',
  INSERT: 'data',
  UPDATE: 'data',
  DELETE: 'data',
  SET: 'session',
  // The version guard reads the version table and prepares the statement that stops the script.
  SELECT: 'guard',
  PREPARE: 'guard',
  EXECUTE: 'guard',
  DEALLOCATE: 'guard',
};

interface ScriptStatement {
  text: string;
  kind: StatementKind;
  inTransaction: boolean;
}

/** The statements of a MySQL script (comments dropped), each with whether a transaction is open. */
function mysqlStatements(script: string): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let inTransaction = false;
  let text = '';
  for (const piece of sqlPieces(script, MYSQL_SYNTAX)) {
    if (piece.kind === 'text' && /^(--|#|\/\*)/.test(piece.text)) continue;
    if (piece.kind !== 'terminator') {
      text += piece.text;
      continue;
    }
    const kind = KIND_BY_FIRST_WORD[/^\w+/.exec(text.trim())?.[0]?.toUpperCase() ?? ''] ?? 'hand-written';
    if (kind === 'begin') expect(inTransaction, 'START TRANSACTION inside a transaction').toBe(false);
    if (kind === 'commit') expect(inTransaction, 'COMMIT outside a transaction').toBe(true);
    statements.push({ text: text.trim(), kind, inTransaction });
    inTransaction = kind === 'begin' || (inTransaction && kind !== 'commit');
    text = '';
  }
  expect(text.trim(), 'text after the last statement').toBe('');
  expect(inTransaction, 'the script ends inside a transaction').toBe(false);
  return statements;
}

/** Every statement of a kind must be inside (or outside) a transaction; returns how many there were. */
function expectPlacement(statements: readonly ScriptStatement[], kind: StatementKind, inTransaction: boolean): number {
  const misplaced = statements.filter((statement) => statement.kind === kind && statement.inTransaction !== inTransaction);
  expect(misplaced.map((statement) => statement.text)).toEqual([]);
  return statements.filter((statement) => statement.kind === kind).length;
}

const MYSQL_SCRIPTS: ReadonlyArray<readonly [string, ScriptRequest, string | undefined]> = [
  ['example upgrade base:heads', { command: 'upgrade', range: 'base:heads' }, undefined],
  ['example upgrade base:heads --single-transaction', { command: 'upgrade', range: 'base:heads', singleTransaction: true }, undefined],
  ['example downgrade heads:base', { command: 'downgrade', range: 'heads:base' }, undefined],
  ['example stamp heads', { command: 'stamp', range: 'heads' }, undefined],
  ['fixture upgrade with a hand-written statement', { command: 'upgrade', range: 'base:c3a0c3a0c3a0' }, FIXTURE],
  ['fixture upgrade with a duplicate key', { command: 'upgrade', range: 'base:c3b0c3b0c3b0' }, FIXTURE],
];

describe('MySQL scripts: DDL outside transactions, data inside', () => {
  it.each(MYSQL_SCRIPTS)('%s', async (_, request, project) => {
    const statements = mysqlStatements(await renderFor('mysql', request, project));
    expect(expectPlacement(statements, 'data', true)).toBeGreaterThan(0);
    expect(expectPlacement(statements, 'ddl', false)).toBeGreaterThan(0);
    expectPlacement(statements, 'session', false);
    expect(expectPlacement(statements, 'guard', false)).toBeGreaterThan(0);
    // sqlgen cannot tell whether hand-written SQL commits implicitly, so it runs it outside.
    expectPlacement(statements, 'hand-written', false);
    expect(statements.filter((statement) => statement.kind === 'begin')).not.toHaveLength(0);
  });

  it('puts a revision’s data and its version stamp in one transaction', async () => {
    const statements = mysqlStatements(await renderFor('mysql', { command: 'upgrade', range: 'base:c3b0c3b0c3b0' }, FIXTURE));
    const lastOfFirstRevision = statements.findIndex((statement) => statement.text.includes(`'a1a1a1a1a1a1'`));
    expect(statements.slice(lastOfFirstRevision - 2, lastOfFirstRevision + 2).map((statement) => statement.kind)).toEqual(['begin', 'data', 'data', 'commit']);
  });
});

// ------------------------------------------------------------------------- failing scripts

interface AfterFailure {
  /** What the client prints about the failing statement. */
  error: RegExp;
  relations: string[];
  /** `[id, name]` of the accounts rows, by id. */
  accounts: Row[];
}

const ROLLED_BACK: Row[] = [
  ['1', 'first'],
  ['2', 'second'],
];
const TRANSACTIONAL_DDL_RELATIONS = ['accounts', 'ledger', 'sqlgen_version'];
// MySQL commits DDL implicitly, so the third revision's CREATE TABLE stays, as the header says.
const MYSQL_RELATIONS = ['accounts', 'audit_log', 'ledger', 'sqlgen_version'];

const SCENARIOS = {
  'a hand-written statement': {
    range: 'base:c3a0c3a0c3a0',
    expected: {
      postgresql: { error: /relation "no_such_table" does not exist/, relations: TRANSACTIONAL_DDL_RELATIONS, accounts: ROLLED_BACK },
      // The script commits the INSERT before the hand-written statement, which it runs outside.
      mysql: { error: /ERROR 1146 \(42S02\) at line \d+: Table '\w+\.no_such_table' doesn't exist/, relations: MYSQL_RELATIONS, accounts: [...ROLLED_BACK, ['3', 'third']] },
      // sqlgen runs every SQLite statement while rendering, so the script is never handed over.
      sqlite: { refused: /c3a0c3a0c3a0_select_from_missing_table\.ts:\d+: SQLite would reject .*no such table: no_such_table/ },
    },
  },
  'a data statement': {
    range: 'base:c3b0c3b0c3b0',
    expected: {
      postgresql: { error: /duplicate key value violates unique constraint "accounts_pkey"/, relations: TRANSACTIONAL_DDL_RELATIONS, accounts: ROLLED_BACK },
      // The client quits at the error with the transaction open: the server rolls the INSERT back.
      mysql: { error: /ERROR 1062 \(23000\) at line \d+: Duplicate entry '1' for key 'PRIMARY'/, relations: MYSQL_RELATIONS, accounts: ROLLED_BACK },
      sqlite: { refused: /c3b0c3b0c3b0_insert_duplicate_key\.ts:\d+: SQLite would reject .*UNIQUE constraint failed: accounts\.id/ },
    },
  },
} as const satisfies Record<string, { range: string; expected: Record<Target['dialect'], AfterFailure | { refused: RegExp }> }>;

describe.each(TARGETS.map((target) => [target.name, target] as const))('a failing third revision on %s', (_, target: Target) => {
  it.each(Object.entries(SCENARIOS))('%s leaves the version table at the second revision', async (_scenario, { range, expected }) => {
    const after: AfterFailure | { refused: RegExp } = expected[target.dialect];
    if ('refused' in after) {
      await expect(renderFor(target.dialect, { command: 'upgrade', range }, FIXTURE)).rejects.toThrow(after.refused);
      return;
    }
    const script = await renderFor(target.dialect, { command: 'upgrade', range }, FIXTURE);
    await withDatabase(target, async (db) => {
      const failed = await db.applyFailing(script);
      expect(failed.stderr).toMatch(after.error);
      expect(await db.query('SELECT version_num FROM sqlgen_version')).toEqual([[SECOND_REVISION]]);
      expect(firstColumn(await db.query(target.catalog.relations))).toEqual(after.relations);
      expect(await db.query('SELECT id, name FROM accounts ORDER BY id')).toEqual(after.accounts);
    });
  });
});
