import type { Dialect } from '../dialects/dialect.js';
import { inlineBindings } from './inline-bindings.js';
import type { Statement } from './statement.js';

/**
 * A revision's part of a script: its heading comment, the guard that checks the version table,
 * its statements, then its version bookkeeping.
 */
export interface ScriptSection {
  heading: string;
  /** Empty with --no-guards. */
  guard: Statement[];
  statements: Statement[];
  bookkeeping: Statement[];
}

export interface ScriptPlan {
  /** First comment line, e.g. `sqlgen 0.1.0: upgrade base -> 7c9e2b4a1d30 (postgresql)`. */
  title: string;
  /** Statements before the first section (creating the version table). */
  setup: Statement[];
  sections: ScriptSection[];
}

export interface ScriptOptions {
  dialect: Dialect;
  /** Formats a knex statement that still holds `?` placeholders; absent with --no-format. */
  format?: (sql: string) => string;
  /**
   * Statements rendered by earlier runs with the same dialect and format settings, by
   * {@link renderedKey} (see Project.renderedStatements); absent to render every one.
   */
  rendered?: { get(key: string): string | undefined; set(key: string, text: string): void };
  /** One transaction per section (default), or one for the whole script. */
  transactionPerRevision: boolean;
  /** Whether sections start with version guards; the header says which. */
  guards: boolean;
}

const GUARD_NOTES = {
  on: 'Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).',
  off: 'Guards are off (--no-guards): nothing checks the version table before this script changes the database.',
} as const;

/** Where a statement landed in a laid-out script. */
export interface StatementPlacement {
  /** 1-based line of the script on which the statement starts. */
  line: number;
  statement: Statement;
}

/** A script's text and where each of its statements is: a map back to the revisions. */
export interface LaidOutScript {
  text: string;
  placements: StatementPlacement[];
}

/** The text of {@link layOutScript}. */
export function renderScript(plan: ScriptPlan, options: ScriptOptions): string {
  return layOutScript(plan, options).text;
}

/**
 * Lays a plan out as a script: header, session preamble, then each section with its
 * transactions. A statement runs inside a transaction unless it was asked to run outside one
 * (`op.outsideTransaction`) or it is DDL on a dialect whose DDL commits implicitly (MySQL):
 * there the script says so in its header instead of pretending.
 */
export function layOutScript(plan: ScriptPlan, options: ScriptOptions): LaidOutScript {
  const { dialect } = options;
  const out = new ScriptWriter(dialect);
  out.comment(plan.title);
  out.comment(`Apply with: ${dialect.applyCommand}`);
  for (const note of dialect.notes) out.comment(note);
  out.comment(GUARD_NOTES[options.guards ? 'on' : 'off']);
  const preamble = [...dialect.preamble, ...sessionSettings(plan)];
  if (preamble.length > 0 || plan.setup.length > 0) out.blank();
  for (const line of preamble) out.line(line);
  if (preamble.length > 0) out.endBatch();
  out.statements(plan.setup, options);
  for (const section of plan.sections) {
    if (options.transactionPerRevision) out.commit();
    out.blank();
    out.comment(section.heading);
    out.statements([...section.guard, ...section.statements, ...section.bookkeeping], options);
  }
  out.commit();
  return { text: out.text(), placements: out.placements };
}

/** The session settings the plan's statements ask for, once each, in order of first use. */
function sessionSettings(plan: ScriptPlan): string[] {
  // Loops, not arrays of every statement: a bundle asks this of 10,000 scripts.
  const settings = new Set<string>();
  const add = (statements: readonly Statement[]): void => {
    for (const statement of statements) for (const setting of statement.sessionSettings ?? []) settings.add(setting);
  };
  add(plan.setup);
  for (const section of plan.sections) {
    add(section.guard);
    add(section.statements);
    add(section.bookkeeping);
  }
  return [...settings];
}

function runsInTransaction(statement: Statement, dialect: Dialect): boolean {
  return statement.transactional && (dialect.transactionalDdl || statement.kind === 'data');
}

class ScriptWriter {
  readonly placements: StatementPlacement[] = [];
  private readonly lines: string[] = [];
  private lineCount = 0;
  private inTransaction = false;

  constructor(private readonly dialect: Dialect) {}

  statements(statements: readonly Statement[], options: ScriptOptions): void {
    for (const statement of statements) {
      if (runsInTransaction(statement, this.dialect)) this.begin();
      else this.commit();
      this.placements.push({ line: this.lineCount + 1, statement });
      this.line(renderStatement(statement, options));
      this.endBatch();
    }
  }

  begin(): void {
    if (this.inTransaction) return;
    this.line(this.dialect.beginTransaction);
    this.inTransaction = true;
    // CREATE VIEW, PROCEDURE, FUNCTION, TRIGGER and SCHEMA must start a batch; a transaction spans batches.
    this.endBatch();
  }

  commit(): void {
    if (!this.inTransaction) return;
    this.line(this.dialect.commitTransaction);
    this.inTransaction = false;
    this.endBatch();
  }

  comment(text: string): void {
    this.line(`-- ${text}`);
  }

  blank(): void {
    this.line('');
  }

  line(text: string): void {
    this.lines.push(text);
    this.lineCount += lineBreaks(text) + 1;
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }

  /** sqlcmd runs each batch separately; one statement per batch keeps CREATE VIEW and friends legal. */
  endBatch(): void {
    if (this.dialect.batchSeparator) this.line(this.dialect.batchSeparator);
  }
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** The statement's final text: formatted (knex statements only), literals put in, `;`-terminated. */
export function renderStatement(statement: Statement, options: Pick<ScriptOptions, 'dialect' | 'format' | 'rendered'>): string {
  const { rendered } = options;
  if (!rendered || statement.origin === 'raw') return renderedText(statement, options);
  const key = renderedKey(statement);
  let text = rendered.get(key);
  if (text === undefined) rendered.set(key, (text = renderedText(statement, options)));
  return text;
}

/**
 * What a knex statement's rendering depends on besides the dialect and format settings (which
 * name the cache): its text with placeholders and its literals.
 */
function renderedKey(statement: Statement): string {
  return JSON.stringify([statement.sql, statement.literals]);
}

function renderedText(statement: Statement, options: Pick<ScriptOptions, 'dialect' | 'format'>): string {
  if (statement.origin === 'raw') {
    const text = statement.sql.trim();
    if (text.endsWith(';')) return text;
    // A last line ending in a `--` comment would swallow the terminator.
    return text.split('\n').at(-1)!.includes('--') ? `${text}\n;` : `${text};`;
  }
  if (!options.format) return `${inlineBindings(statement.sql, statement.literals, { renderLiteral: String, syntax: options.dialect.lexicalSyntax })};`;
  const template = options.format(statement.sql);
  // The formatter has read the statement through (an unclosed quote fails there): with no `?`
  // in it there is nothing to put in, and half a script's statements are DDL without one.
  if (statement.literals.length === 0 && !template.includes('?')) return `${template};`;
  return `${inlineBindings(template, statement.literals, { renderLiteral: String, syntax: options.dialect.lexicalSyntax })};`;
}
