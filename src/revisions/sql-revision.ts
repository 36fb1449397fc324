import { RevisionFileError } from '../errors.js';

/**
 * Parser for plain SQL revisions (`<id>_<slug>.sql`). The format:
 *
 * ```sql
 * -- sqlgen:id 7c9e2b4a1d30
 * -- sqlgen:parents 5b8d1f3e9a27
 * -- sqlgen:message index orders by customer
 * -- sqlgen:dialect postgresql
 *
 * -- sqlgen:upgrade
 * CREATE INDEX orders_customer_id_idx ON orders (customer_id);
 *
 * -- sqlgen:downgrade
 * DROP INDEX orders_customer_id_idx;
 * ```
 *
 * Directives (`-- sqlgen:<key> <value>`) come before `-- sqlgen:upgrade`; list values
 * (`parents`, `depends-on`, `branch-labels`) are separated by spaces or commas, and an empty
 * `parents` makes a base revision. Other comments are free text. Markers and directives must
 * start their line. The `downgrade` section is optional.
 */

export interface SqlRevisionText {
  /** Raw directive values with the line each came from, for error locations. */
  directives: Map<SqlDirective, { value: string; line: number }>;
  upgrade: { sql: string; line: number };
  downgrade?: { sql: string; line: number };
}

export const SQL_DIRECTIVES = ['id', 'parents', 'message', 'depends-on', 'branch-labels', 'dialect', 'lint-disable'] as const;
export type SqlDirective = (typeof SQL_DIRECTIVES)[number];
const SECTIONS = ['upgrade', 'downgrade'] as const;
type Section = (typeof SECTIONS)[number];

const DIRECTIVE_LINE = /^--\s*sqlgen:([A-Za-z-]+)(?:[ \t]+(.*?))?\s*$/;

export function parseSqlRevision(text: string, file: string): SqlRevisionText {
  const lines = text.split(/\r?\n/);
  const directives: SqlRevisionText['directives'] = new Map();
  const sections = new Map<Section, { start: number; body: string[] }>();
  let current: { start: number; body: string[] } | undefined;

  lines.forEach((content, index) => {
    const line = index + 1;
    const match = DIRECTIVE_LINE.exec(content);
    if (!match) {
      if (current) current.body.push(content);
      else if (content.trim() !== '' && !content.trimStart().startsWith('--')) {
        fail(file, line, 'SQL before the `-- sqlgen:upgrade` marker', 'put statements in the upgrade or downgrade section');
      }
      return;
    }
    const key = match[1]!.toLowerCase();
    if (isSection(key)) {
      if (sections.has(key)) fail(file, line, `a second \`-- sqlgen:${key}\` marker`, 'each section appears once');
      if (key === 'upgrade' && sections.has('downgrade')) fail(file, line, 'the upgrade section must come before the downgrade section', 'move `-- sqlgen:upgrade` above `-- sqlgen:downgrade`');
      current = { start: line + 1, body: [] };
      sections.set(key, current);
      return;
    }
    if (current) fail(file, line, `directive \`sqlgen:${key}\` inside a section`, 'directives go in the header, before `-- sqlgen:upgrade`');
    if (!isDirective(key)) fail(file, line, `unknown directive \`sqlgen:${key}\``, `known directives: ${SQL_DIRECTIVES.join(', ')}; markers: ${SECTIONS.join(', ')}`);
    if (directives.has(key)) fail(file, line, `\`sqlgen:${key}\` given twice`, 'give each directive once; list values are separated by spaces or commas');
    directives.set(key, { value: match[2] ?? '', line });
  });

  const upgrade = sections.get('upgrade');
  if (!upgrade) fail(file, Math.max(1, lines.length - (lines.at(-1) === '' ? 1 : 0)), 'no `-- sqlgen:upgrade` section', 'add a line `-- sqlgen:upgrade` followed by the upgrade statements');
  const downgrade = sections.get('downgrade');
  return {
    directives,
    upgrade: sectionText(upgrade),
    ...(downgrade && { downgrade: sectionText(downgrade) }),
  };
}

/** Splits a list directive value: `a b`, `a, b`, or empty. */
export function listValue(value: string): string[] {
  return value.split(/[\s,]+/).filter((item) => item !== '');
}

function sectionText(section: { start: number; body: string[] }): { sql: string; line: number } {
  const firstContent = section.body.findIndex((content) => content.trim() !== '');
  if (firstContent < 0) return { sql: '', line: section.start };
  const sql = section.body.slice(firstContent).join('\n').trimEnd();
  return { sql, line: section.start + firstContent };
}

function isSection(key: string): key is Section {
  return (SECTIONS as readonly string[]).includes(key);
}

function isDirective(key: string): key is SqlDirective {
  return (SQL_DIRECTIVES as readonly string[]).includes(key);
}

function fail(file: string, line: number, problem: string, hint: string): never {
  throw new RevisionFileError('REVISION_SYNTAX', `${file}:${line}: ${problem}`, hint, { file, line });
}
