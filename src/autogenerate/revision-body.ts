/**
 * A plan written as the body of a revision's upgrade or downgrade: `op` calls (TypeScript and
 * JavaScript revisions) or statements (SQL revisions), with the steps that lose data and the
 * differences left unexpressed said in comments where a reviewer reads them.
 */
import { templateLiteral, tsString } from './code-text.js';
import type { SchemaPlan, SchemaStep } from './schema-step.js';

export type RevisionLanguage = 'ts' | 'js' | 'sql';

/** `calls` writes `op` calls where the plan has them; `sql` writes every step as its statements. */
export type BodyForm = 'calls' | 'sql';

const INDENT = '    ';

export function revisionBody(plan: SchemaPlan, language: RevisionLanguage, form: BodyForm): string {
  const comment = language === 'sql' ? '--' : '//';
  const lines: string[] = plan.unexpressed.map((item) => `${comment} Not expressed, write it by hand: ${item.object}: ${item.reason}`);
  let previous: SchemaStep | undefined;
  for (const step of plan.steps) {
    if (step.comment && (language === 'sql' || !step.outside)) lines.push(`${comment} ${step.comment}`);
    if (step.losesData) lines.push(`${comment} Loses data: ${step.losesData}.`);
    const written = language === 'sql' ? step.sql.map((sql) => `${sql};`) : codeOf(step, form);
    if (language !== 'sql' && step.outside) {
      const statements = step.outside.map((sql) => `  ${execute(sql)}`);
      // Steps outside the transaction one after another share one block.
      if (previous?.outside && lines.at(-1) === '});') lines.splice(lines.length - 1, 1, ...statements, '});');
      else lines.push('op.outsideTransaction(() => {', ...statements, '});');
    } else if (language !== 'sql' && previous && !step.losesData && joins(previous, step, form)) {
      // Another change to the same table in one alterTable, as a person writes it.
      lines.splice(lines.length - 1, 1, ...written.slice(1));
    } else lines.push(...written);
    previous = step;
  }
  if (language === 'sql') return lines.join('\n');
  return lines.map((line) => (line === '' ? '' : `${INDENT}${line}`)).join('\n');
}

function codeOf(step: SchemaStep, form: BodyForm): string[] {
  if (form === 'calls' && step.call) return step.call;
  return step.sql.map(execute);
}

function execute(sql: string): string {
  return `op.execute(${sql.includes('\n') ? templateLiteral(sql) : tsString(sql)});`;
}

/**
 * Two steps on one table, both written as `op.alterTable` calls. knex adds a builder's new
 * columns before anything else it does, so a column added after another kind of step stays
 * in a call of its own to keep the order.
 */
function joins(previous: SchemaStep, step: SchemaStep, form: BodyForm): boolean {
  if (form !== 'calls' || !previous.call || !step.call) return false;
  const addsColumn = (candidate: SchemaStep) => candidate.summary.startsWith('add column ');
  return previous.call[0]!.startsWith('op.alterTable(') && previous.call[0] === step.call[0] && (!addsColumn(step) || addsColumn(previous));
}
