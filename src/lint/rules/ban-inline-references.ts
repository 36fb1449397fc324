import { alterTable } from '../keywords/alter-table.js';
import { keywordChecks } from '../keywords/checks.js';
import { findWord, insideParentheses, listItems, nameLabel, readName, type Span } from '../keywords/shape.js';
import { createdTable } from '../keywords/statements.js';
import type { Token } from '../keywords/tokens.js';
import type { Rule, RuleReport } from '../types.js';

/**
 * MySQL before 9.0 and MariaDB before 10.5 parse `REFERENCES` in a column definition and ignore
 * it: the table is created without the foreign key, and nothing says so.
 */
export const banInlineReferences: Rule = {
  id: 'ban-inline-references',
  severity: 'error',
  effect: 'fails',
  description: 'REFERENCES written in a column definition creates no foreign key in MySQL 8 (before 9.0) and MariaDB before 10.5.',
  help: 'Declare the key as a table constraint: CONSTRAINT name FOREIGN KEY (column) REFERENCES parent (id).',
  checks: {
    ...keywordChecks(['mysql'], (tokens, statement) => {
      const { sql } = statement;
      const table = createdTable(tokens, sql);
      if (table) return definitionsReports(tokens, sql, nameLabel(table), insideParentheses(tokens, table.next));
      const altered = alterTable(tokens, sql, 'mysql');
      if (!altered) return [];
      return altered.clauses.flatMap((clause) => {
        if (!COLUMN_CLAUSES.has(clause.verb) || clause.object !== 'COLUMN') return [];
        const label = nameLabel(altered.table);
        // ADD (a int REFERENCES p (id), b int) lists several definitions.
        const listed = insideParentheses(tokens, clause.name);
        return listed ? definitionsReports(tokens, sql, label, listed) : columnReports(tokens, sql, label, { start: clause.name, end: clause.end });
      });
    }),
  },
};

const COLUMN_CLAUSES: ReadonlySet<string> = new Set(['ADD', 'MODIFY', 'CHANGE']);
/** The first words of table elements that are not column definitions. */
const TABLE_CONSTRAINT_WORDS: ReadonlySet<string> = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'INDEX', 'KEY', 'FULLTEXT', 'SPATIAL', 'CHECK', 'PERIOD']);

/** Reports on the column definitions among the elements of a `CREATE TABLE (...)` or `ADD (...)`. */
function definitionsReports(tokens: readonly Token[], sql: string, table: string, elements: Span | undefined): RuleReport[] {
  if (!elements) return [];
  return listItems(tokens, elements)
    .filter((element) => !(tokens[element.start]?.kind === 'word' && TABLE_CONSTRAINT_WORDS.has(tokens[element.start]?.text ?? '')))
    .flatMap((element) => columnReports(tokens, sql, table, element));
}

/** A report when the column definition in `span` has a `REFERENCES` of its own. */
function columnReports(tokens: readonly Token[], sql: string, table: string, span: Span): RuleReport[] {
  const column = readName(tokens, span.start, sql);
  const references = findWord(tokens, 'REFERENCES', span);
  if (!column || references === -1) return [];
  return [
    {
      message: `REFERENCES on column ${table}.${nameLabel(column)} is ignored by MySQL 8 and MariaDB before 10.5: no foreign key is created there.`,
      offset: tokens[references]?.offset,
    },
  ];
}
