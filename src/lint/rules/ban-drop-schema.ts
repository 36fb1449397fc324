import { keywordChecks } from '../keywords/checks.js';
import { nameLabel } from '../keywords/shape.js';
import { dropStatement } from '../keywords/statements.js';
import { postgresqlAst } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** A schema is a namespace clients name in their queries; with CASCADE (PostgreSQL) it takes its objects along. */
export const banDropSchema: Rule = {
  id: 'ban-drop-schema',
  severity: 'error',
  effect: 'destroys-data',
  description: 'DROP SCHEMA removes a namespace clients use and, with CASCADE, every object in it.',
  help: 'Drop schemas by hand, after a backup, once nothing uses them; never with CASCADE from a migration.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      if (!node || !('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_SCHEMA') return [];
      const cascade = node.DropStmt.behavior === 'DROP_CASCADE';
      return (node.DropStmt.objects ?? []).map((object) => dropReport('String' in object ? (object.String.sval ?? '') : '', cascade));
    },
    // MySQL's DROP SCHEMA drops a database: ban-drop-database reports it. SQL Server only drops an empty schema.
    ...keywordChecks(['mssql'], (tokens, statement) => {
      const drop = dropStatement(tokens, statement.sql);
      return drop?.object === 'SCHEMA' ? drop.names.map((name) => dropReport(nameLabel(name), false, name.offset)) : [];
    }),
  },
};

function dropReport(schema: string, cascade: boolean, offset?: number): RuleReport {
  const objects = cascade ? ' and every table, view and function in it, with their data' : '';
  return { message: `Dropping schema ${schema} removes it${objects}: clients that use it break.`, offset };
}
