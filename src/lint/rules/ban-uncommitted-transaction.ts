import type { Rule, ScriptCheck } from '../types.js';

/** What the client does with a transaction still open when the script ends. */
const LEFT_OPEN: Record<'postgresql' | 'mysql' | 'sqlite', string> = {
  postgresql: 'when psql reaches the end of the file it disconnects, PostgreSQL rolls the transaction back, and psql still exits with 0',
  mysql: 'when the client disconnects, MySQL rolls back what the transaction changed in tables (DDL in it was already committed implicitly)',
  sqlite: 'when the sqlite3 shell closes the database, SQLite rolls the transaction back',
};

/**
 * A transaction the script opens and never closes: the client ends the session at the end of the
 * file and the server rolls it back, so the migration silently does not happen. Not checked
 * when a tool wraps the file in its own transaction (ban-transaction-nesting reports a BEGIN
 * there), nor for SQL Server (see ban-transaction-nesting).
 */
export const banUncommittedTransaction: Rule = {
  id: 'ban-uncommitted-transaction',
  severity: 'error',
  effect: 'fails',
  description: 'A transaction opened and never committed or rolled back is rolled back when the session ends, so the migration does not happen.',
  help: 'Close the transaction with COMMIT at the end of the script.',
  checks: { postgresql: uncommitted('postgresql'), mysql: uncommitted('mysql'), sqlite: uncommitted('sqlite') },
};

function uncommitted(dialect: keyof typeof LEFT_OPEN): ScriptCheck {
  return {
    checkScript(statements, { assumeInTransaction }) {
      if (assumeInTransaction) return [];
      // The first BEGIN opens the transaction (a second one does not open another); COMMIT or ROLLBACK ends it.
      let openedBy: number | undefined;
      statements.forEach((statement, index) => {
        if (statement.enclosing) return;
        if (statement.transactionControl === 'begin') openedBy ??= index;
        else if (statement.transactionControl === 'end') openedBy = undefined;
      });
      return openedBy === undefined ? [] : [{ statement: openedBy, message: `This transaction is never committed or rolled back: ${LEFT_OPEN[dialect]}.` }];
    },
  };
}
