import { recordOperations } from '../../src/compile/operations.js';
import { isTableRebuild, type RecordedStep } from '../../src/compile/shadow-tracker.js';
import { restrictionOn } from '../../src/compile/shadow-schema.js';
import { inlineBindings, sqlPieces } from '../../src/compile/inline-bindings.js';
import type { Dialect } from '../../src/dialects/dialect.js';
import type { Statement } from '../../src/compile/statement.js';
import type { ParityCase } from './parity-case.js';

/** What sqlgen does with a case: its statements (placeholders kept, as knex's tests show them), or its refusal. */
export type Outcome = { kind: 'sql'; statements: Statement[]; rebuilds: number } | { kind: 'refused'; message: string };

export function sqlgenOutcome(parityCase: ParityCase, dialect: Dialect): Outcome {
  try {
    const { operations, steps } = recordOperations(dialect);
    parityCase.run(operations);
    // A step SQLite may refuse in place is compared in its in-place form, as knex writes it,
    // unless that form is newer than the oldest SQLite sqlgen targets: then it is always a rebuild.
    const inPlace = (step: RecordedStep) => isTableRebuild(step) && step.inPlace?.every((statement) => !restrictionOn(scriptText(statement, dialect), dialect));
    const statements = steps.flatMap((step) => (!isTableRebuild(step) ? [step] : inPlace(step) ? [...step.inPlace!] : []));
    return { kind: 'sql', statements, rebuilds: steps.filter((step) => isTableRebuild(step) && !inPlace(step)).length };
  } catch (error) {
    return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * SQL reduced to what both sides must agree on: no layout, one keyword case, and every string
 * literal or `?` placeholder the same token (knex's tests show bindings, sqlgen inlines some
 * values itself). Identifiers keep their case; their quote characters are made one.
 */
export function normalized(sql: string, dialect: Dialect): string {
  let out = '';
  for (const piece of sqlPieces(sql, dialect.lexicalSyntax)) {
    if (piece.kind === 'placeholder') out += ' ? ';
    else if (piece.kind === 'text' && /^[`"[]/.test(piece.text)) out += `"${piece.text.slice(1, -1)}"`;
    else if (piece.kind === 'text' && /^N?'/i.test(piece.text)) out += ' ? ';
    else out += piece.text.toLowerCase();
  }
  // SQL Server's N'...' is a string literal like '...'.
  return out.replace(/\bn \? /g, ' ? ').replace(/\s+/g, ' ').replace(/\s*([(),=])\s*/g, '$1').replace(/;$/, '').trim();
}

/** A statement's text with its literals inlined, as the script has it. */
export function scriptText(statement: Statement, dialect: Dialect): string {
  return statement.origin === 'knex' ? inlineBindings(statement.sql, statement.literals, { renderLiteral: String, syntax: dialect.lexicalSyntax }) : statement.sql;
}

/** Whether sqlgen renders the statements knex's test checks, in order, and as many statements as it says. */
export function matchesKnex(outcome: Outcome, parityCase: ParityCase, dialect: Dialect): boolean {
  if (outcome.kind !== 'sql' || (parityCase.count !== undefined && outcome.statements.length !== parityCase.count)) return false;
  const rendered = outcome.statements.map((statement) => normalized(statement.sql, dialect));
  let next = 0;
  for (const expected of parityCase.knex) {
    const found = rendered.indexOf(normalized(expected, dialect), next);
    if (found === -1) return false;
    next = found + 1;
  }
  return true;
}
