import type { Constraint, Node } from 'libpg-query';
import { definedConstraint, offsetOf, postgresqlAst, qualifiedName } from '../postgresql/ast.js';
import type { LintStatement, Rule, RuleReport } from '../types.js';

/** The constraints a domain can carry: the server checks them on every value it stores. */
const DOMAIN_CONSTRAINTS: Partial<Record<NonNullable<Constraint['contype']>, string>> = { CONSTR_CHECK: 'CHECK', CONSTR_NOTNULL: 'NOT NULL' };

/**
 * A domain with a CHECK or NOT NULL makes PostgreSQL rewrite the table whenever a column of it is
 * added (a default does not help) or a column is changed to it, and each new constraint is
 * checked against every column of the domain in every table. The statement that gives the domain
 * its constraint is where that cost is chosen, so that is what the rule reports.
 */
export const banDomainConstraint: Rule = {
  id: 'ban-domain-constraint',
  severity: 'warning',
  effect: 'rewrites',
  description: 'A domain with a CHECK or NOT NULL constraint makes every later ADD COLUMN of it, or change of a column to it, rewrite the table.',
  help: 'Put the constraint on each column instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE), and keep domains, if any, without constraints.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      return node ? domainConstraintReports(node, statement) : [];
    },
  },
};

function domainConstraintReports(node: Node, statement: LintStatement): RuleReport[] {
  if ('CreateDomainStmt' in node) {
    const domain = qualifiedName(node.CreateDomainStmt.domainname);
    return (node.CreateDomainStmt.constraints ?? []).flatMap((item) => constraintReport(definedConstraint(item), domain, statement) ?? []);
  }
  if (!('AlterDomainStmt' in node)) return [];
  const alter = node.AlterDomainStmt;
  const domain = qualifiedName(alter.typeName);
  if (alter.subtype === 'O') return [{ message: rewriteMessage(domain, 'SET NOT NULL') }];
  const report = alter.subtype === 'C' ? constraintReport(definedConstraint(alter.def), domain, statement) : undefined;
  return report ? [report] : [];
}

function constraintReport(constraint: Constraint | undefined, domain: string, statement: LintStatement): RuleReport | undefined {
  const kind = DOMAIN_CONSTRAINTS[constraint?.contype ?? 'CONSTR_NULL'];
  return kind ? { message: rewriteMessage(domain, kind), offset: offsetOf(statement, constraint!.location) } : undefined;
}

function rewriteMessage(domain: string, kind: string): string {
  return `${kind} on domain ${domain}: from now on, adding a column of this domain to a table, or changing a column to it, rewrites the whole table under an ACCESS EXCLUSIVE lock, even with a default.`;
}
