import type { LintStatement, Rule, ScriptCheck, ScriptReport } from '../types.js';

/** The dialects whose transactions the script's text shows; what their servers do with a misplaced one. */
type TransactionDialect = 'postgresql' | 'mysql' | 'sqlite';

/** What the server does with a BEGIN while a transaction is open. */
const NESTED_BEGIN: Record<TransactionDialect, string> = {
  postgresql: 'PostgreSQL ignores it with a warning, so the next COMMIT also commits what came before it, and the statements after that run outside any transaction',
  mysql: 'MySQL commits the open transaction first, so the statements before it can no longer be rolled back with the rest',
  sqlite: 'SQLite refuses it ("cannot start a transaction within a transaction"), and the migration stops here',
};

/** What the server does with a COMMIT or ROLLBACK while no transaction is open. */
const NOTHING_OPEN: Record<TransactionDialect, string> = {
  postgresql: 'PostgreSQL only warns, but the statements before it ran without a transaction, each committed on its own',
  mysql: 'MySQL does nothing, but the statements before it ran without a transaction, each committed on its own',
  sqlite: 'SQLite refuses it ("no transaction is active"), and the migration stops here',
};

/**
 * A transaction opened while one is open, or closed while none is, or any transaction control at
 * all in a file a tool wraps in its own transaction: the script's statements are not committed
 * together, as it says they are. SQL Server is not checked: it counts nested transactions, and
 * its scripts commit and roll back under IF and TRY ... CATCH, which statements alone do not show.
 */
export const banTransactionNesting: Rule = {
  id: 'ban-transaction-nesting',
  severity: 'error',
  effect: 'fails',
  description: 'BEGIN inside an open transaction, COMMIT or ROLLBACK with none open, or either in a file a tool wraps in a transaction: the statements are not committed together.',
  help: 'Open one transaction with BEGIN and close it with COMMIT; in a file a tool wraps in a transaction (--assume-in-transaction), write neither.',
  checks: { postgresql: transactionNesting('postgresql'), mysql: transactionNesting('mysql'), sqlite: transactionNesting('sqlite') },
};

function transactionNesting(dialect: TransactionDialect): ScriptCheck {
  return {
    checkScript: (statements, { assumeInTransaction }) =>
      statements.flatMap((statement, index): ScriptReport[] => {
        const message = statement.enclosing ? bodyTransactionEnd(statement) : misplaced(statement, dialect, assumeInTransaction);
        return message ? [{ statement: index, message }] : [];
      }),
  };
}

/** A BEGIN, COMMIT or ROLLBACK of the script where the transaction state says it should not be. */
function misplaced(statement: LintStatement, dialect: TransactionDialect, assumeInTransaction: boolean): string | undefined {
  const keyword = transactionKeyword(statement.sql);
  if (statement.transactionControl === 'begin' && assumeInTransaction) return `${keyword} in a file a tool runs inside its own transaction: ${NESTED_BEGIN[dialect]}.`;
  if (statement.transactionControl === 'begin' && statement.inTransaction) return `${keyword} while a transaction is already open: ${NESTED_BEGIN[dialect]}.`;
  if (statement.transactionControl === 'end' && assumeInTransaction) {
    return `${keyword} in a file a tool runs inside its own transaction ends the tool's transaction early: the statements after it run outside any transaction, and the tool's own COMMIT finds none open.`;
  }
  if (statement.transactionControl === 'end' && !statement.inTransaction) return `${keyword} with no transaction open: ${NOTHING_OPEN[dialect]}.`;
  return undefined;
}

/** How a transaction control statement starts: `BEGIN`, `START TRANSACTION`, `COMMIT`... */
function transactionKeyword(sql: string): string {
  return (/^(?:(?:start|prepare)\s+transaction|\w+)/i.exec(sql)?.[0] ?? sql).replace(/\s+/g, ' ').toUpperCase();
}

/** A COMMIT or ROLLBACK in a DO block that runs inside a transaction block, where PostgreSQL refuses it. */
function bodyTransactionEnd(statement: LintStatement): string | undefined {
  if (statement.transactionControl !== 'end' || statement.enclosing?.kind !== 'do' || !statement.enclosing.inTransaction) return undefined;
  return `${statement.sql} in a DO block that runs inside a transaction block fails ("invalid transaction termination"): PostgreSQL allows it only in a DO block run outside one.`;
}
