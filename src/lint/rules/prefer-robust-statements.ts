import type { AlterTableCmd, DropStmt, IndexStmt, Node, RangeVar } from 'libpg-query';
import { definedConstraint, offsetOf, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { LintContext, LintStatement, Rule, RuleReport } from '../types.js';

/**
 * Outside a transaction block each statement commits on its own, so a script that fails halfway
 * stays half-applied, and running it again stops at the first statement that already ran, unless
 * that statement is guarded: IF [NOT] EXISTS, or DROP ... IF EXISTS just before an ADD CONSTRAINT
 * (which has no IF NOT EXISTS) or a CREATE INDEX CONCURRENTLY (whose failure leaves an invalid
 * index behind that IF NOT EXISTS would keep). Statements that can be run twice as they are
 * (SET NOT NULL, SET DEFAULT, VALIDATE) are not reported.
 */
export const preferRobustStatements: Rule = {
  id: 'prefer-robust-statements',
  severity: 'warning',
  effect: 'fails',
  description: 'CREATE TABLE or INDEX, ADD COLUMN or CONSTRAINT, or a DROP outside a transaction block fails when a half-applied script is run again.',
  help: 'Run the statements in a transaction block, or guard each one: IF NOT EXISTS, IF EXISTS, or DROP ... IF EXISTS just before an ADD CONSTRAINT or CREATE INDEX CONCURRENTLY.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      return node && !statement.inTransaction ? rerunReports(node, statement, context) : [];
    },
  },
};

function rerunReports(node: Node, statement: LintStatement, context: LintContext): RuleReport[] {
  if ('CreateStmt' in node) return node.CreateStmt.if_not_exists ? [] : createTableReports(node.CreateStmt.relation);
  if ('CreateTableAsStmt' in node && node.CreateTableAsStmt.objtype === 'OBJECT_TABLE') {
    return node.CreateTableAsStmt.if_not_exists ? [] : createTableReports(node.CreateTableAsStmt.into?.rel);
  }
  if ('IndexStmt' in node) return createIndexReports(node.IndexStmt, context);
  if ('DropStmt' in node) return node.DropStmt.missing_ok ? [] : [dropReport(node.DropStmt)];
  if ('AlterTableStmt' in node && node.AlterTableStmt.objtype === 'OBJECT_TABLE') {
    const { relation, cmds = [] } = node.AlterTableStmt;
    return cmds.flatMap((item) => ('AlterTableCmd' in item ? (alterTableReport(item.AlterTableCmd, relation, statement, context) ?? []) : []));
  }
  return [];
}

/** A finding for a statement that a second run of the script fails on, or does twice. */
function rerun(statement: string, secondRun: string, fix: string, offset?: number): RuleReport {
  return { message: `${statement} runs outside a transaction block: if the script fails after it and is run again, ${secondRun}; ${fix}.`, offset };
}

/** A temporary table is gone when the session that failed ends, so a second run creates it again. */
function createTableReports(relation: RangeVar | undefined): RuleReport[] {
  if (relation?.relpersistence === 't') return [];
  return [rerun(`CREATE TABLE ${relationLabel(relation)}`, 'it fails here because the table exists', 'write CREATE TABLE IF NOT EXISTS')];
}

function createIndexReports(index: IndexStmt, context: LintContext): RuleReport[] {
  const create = index.concurrent ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX';
  if (!index.idxname) {
    return [rerun(`${create} without a name`, 'it builds a second copy of the index under a new name', 'name the index and guard it')];
  }
  if (index.if_not_exists || context.droppedIndexes?.has(index.idxname)) return [];
  // A failed concurrent build leaves an invalid index under the name: IF NOT EXISTS would keep it.
  const fix = index.concurrent ? `run DROP INDEX CONCURRENTLY IF EXISTS ${index.idxname} just before it` : 'write CREATE INDEX IF NOT EXISTS';
  return [rerun(`${create} ${index.idxname}`, 'it fails here because the index exists', fix)];
}

function dropReport(drop: DropStmt): RuleReport {
  const kind = (drop.removeType ?? 'OBJECT_TABLE').replace('OBJECT_', '').replace('MATVIEW', 'MATERIALIZED VIEW').replaceAll('_', ' ');
  return rerun(`DROP ${kind}`, 'it fails here because the object is gone', `write DROP ${kind} IF EXISTS`);
}

function alterTableReport(command: AlterTableCmd, relation: RangeVar | undefined, statement: LintStatement, context: LintContext): RuleReport | undefined {
  const table = relationLabel(relation);
  switch (command.subtype) {
    case 'AT_AddColumn': {
      if (command.missing_ok) return undefined;
      const column = command.def && 'ColumnDef' in command.def ? command.def.ColumnDef : undefined;
      return rerun(`ADD COLUMN ${column?.colname ?? ''} to ${table}`, 'it fails here because the column exists', 'write ADD COLUMN IF NOT EXISTS', offsetOf(statement, column?.location));
    }
    case 'AT_DropColumn':
      return command.missing_ok ? undefined : rerun(`DROP COLUMN ${command.name ?? ''} of ${table}`, 'it fails here because the column is gone', 'write DROP COLUMN IF EXISTS');
    case 'AT_DropConstraint':
      return command.missing_ok ? undefined : rerun(`DROP CONSTRAINT ${command.name ?? ''} of ${table}`, 'it fails here because the constraint is gone', 'write DROP CONSTRAINT IF EXISTS');
    case 'AT_AddConstraint':
      return addConstraintReport(command, relation, statement, context);
    default:
      return undefined;
  }
}

/** ADD CONSTRAINT has no IF NOT EXISTS: a DROP CONSTRAINT of the same name earlier in the script guards it. */
function addConstraintReport(command: AlterTableCmd, relation: RangeVar | undefined, statement: LintStatement, context: LintContext): RuleReport | undefined {
  const constraint = definedConstraint(command.def);
  const offset = offsetOf(statement, constraint?.location);
  const table = relationLabel(relation);
  if (!constraint?.conname) {
    return rerun(`ADD CONSTRAINT on ${table} without a name`, 'it adds a second copy of the constraint under a new name', 'name the constraint and run DROP CONSTRAINT IF EXISTS just before it', offset);
  }
  if (context.droppedConstraints?.has(`${relation?.relname ?? ''}.${constraint.conname}`)) return undefined;
  const fix = `PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS, so run ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint.conname} just before it`;
  return rerun(`ADD CONSTRAINT ${constraint.conname} on ${table}`, 'it fails here because the constraint exists', fix, offset);
}
