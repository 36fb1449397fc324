/**
 * The lint engine: splits a script into statements, parses them (and the statements of their
 * PL/pgSQL bodies), runs the rules that know the dialect (statement checks on each statement,
 * script checks on all of them), then applies severity overrides and suppression comments.
 */
import type { DialectId } from '../dialects/dialect-id.js';
import { ConfigError } from '../errors.js';
import { RULES } from './rules/index.js';
import { splitStatements, type SplitStatement } from './split-statements.js';
import { scriptOffset, StatementWalk, type PlacedStatement, type VisitedStatement } from './statement-walk.js';
import { suppressions } from './suppressions.js';
import { LineIndex } from './text-position.js';
import { DEFAULT_MYSQL_TARGET, DEFAULT_POSTGRESQL_VERSION, DEFAULT_SQL_SERVER_EDITION, mysqlTarget } from '../dialects/versions.js';
import { isStatementCheck, type Finding, type FindingKind, type LintContext, type LintSettings, type Rule, type RuleCheck, type RuleReport, type ScriptCheck, type ScriptFacts, type ScriptSettings, type ServerSettings, type Severity, type SeverityOverride } from './types.js';

/** The finding for a statement the dialect's parser rejects; no rule checked it. */
export const PARSE_ERROR: FindingKind = {
  id: 'parse-error',
  severity: 'error',
  description: 'The statement does not parse in the dialect, so no rule checked it.',
  help: 'Fix the syntax; if the server accepts it, check the statement by hand and suppress this finding.',
};

export interface LintOptions extends LintSettings {
  /** The script's path as it should appear in findings. */
  file: string;
  dialect: DialectId;
}

/** The rules that know the dialect, with their check for it, by kind of check. */
interface DialectRules {
  statement: { rule: Rule; check: RuleCheck }[];
  script: { rule: Rule; check: ScriptCheck }[];
}

/** The context's facts that come from the settings, not from the script. */
export type SettingsFacts = Omit<LintContext, keyof ScriptFacts>;

/** A finding before positions and overrides: where in the script, and which statement. */
interface Report {
  ruleId: string;
  severity: Severity;
  message: string;
  help: string;
  offset: number;
  statementOffset: number;
}

/**
 * Lints one script. Findings are sorted by position, then rule id. Async because the PostgreSQL
 * parser is WebAssembly, loaded on first use. `observe`, when given, sees every statement of the
 * walk too (see statement-walk.ts): a lock report read so needs no second parse.
 *
 * @throws ConfigError when `options.rules` names an unknown rule.
 * @example
 * await lintScript('alter table orders drop column note;', { file: 'up.sql', dialect: 'postgresql' })
 * // [{ ruleId: 'ban-drop-column', severity: 'warning', location: { file: 'up.sql', line: 1, column: 1 }, ... }, ...]
 */
export async function lintScript(text: string, options: LintOptions, observe?: (visited: VisitedStatement) => void): Promise<Finding[]> {
  const overrides = checkedOverrides(options.rules ?? {});
  const assumeInTransaction = options.assumeInTransaction ?? false;
  const script = splitStatements(text, { ...options, inTransaction: assumeInTransaction });
  const lines = new LineIndex(text);
  const rules = dialectRules(options.dialect, overrides);
  const { reports: statementFindings, linted } = await statementReports(script.statements, options.dialect, rules.statement, serverFacts(options), lines, observe);
  const reports = [...statementFindings, ...scriptReports(linted, rules.script, { assumeInTransaction })];
  const suppressed = suppressions(script.comments, script.statements.map((statement) => statement.offset));
  return reports
    .filter((report) => levelOf(report.ruleId, overrides) !== 'off' && !suppressed(report.ruleId, report.statementOffset))
    .map((report) => toFinding(report, overrides[report.ruleId], lines, options.file))
    .sort(byPosition);
}

/** What rules know of the servers the SQL is for: the settings given, the defaults for the others. */
export function serverFacts(settings: ServerSettings): SettingsFacts {
  return {
    postgresqlVersion: settings.postgresqlVersion ?? DEFAULT_POSTGRESQL_VERSION,
    mysqlTarget: mysqlTarget(settings.mysqlVersion ?? DEFAULT_MYSQL_TARGET),
    sqlServerEdition: settings.sqlServerEdition ?? DEFAULT_SQL_SERVER_EDITION,
  };
}

/** The rules that check the dialect and are not off: the others are not run at all. */
function dialectRules(dialect: DialectId, overrides: Readonly<Record<string, SeverityOverride>>): DialectRules {
  const rules: DialectRules = { statement: [], script: [] };
  for (const rule of Object.values<Rule>(RULES)) {
    const check = levelOf(rule.id, overrides) === 'off' ? undefined : rule.checks[dialect];
    if (isStatementCheck(check)) rules.statement.push({ rule, check });
    else if (check) rules.script.push({ rule, check });
  }
  return rules;
}

/**
 * The statement checks' reports on each statement of the script and of its PL/pgSQL bodies
 * (see statement-walk.ts), and every statement visited, in order, for the script checks.
 */
async function statementReports(script: readonly SplitStatement[], dialect: DialectId, rules: DialectRules['statement'], settings: SettingsFacts, lines: LineIndex, observe?: (visited: VisitedStatement) => void): Promise<{ reports: Report[]; linted: PlacedStatement[] }> {
  const reports: Report[] = [];
  // Without their parse trees, which a long script's would not all fit in memory.
  const linted: PlacedStatement[] = [];
  const walk = await StatementWalk.load(dialect, lines, { functionBodies: true });
  walk.walk(script, (visited) => {
    const { statement, placed, error, facts } = visited;
    observe?.(visited);
    linted.push(placed);
    if (error) reports.push(parseErrorReport(statement, error));
    // Object.assign, not { ...facts, ...settings }: on Node 20 the spread costs ten times more, once a statement.
    else if (!statement.transactionControl) checkStatement(statement, rules, Object.assign({}, facts, settings), reports);
  });
  return { reports, linted };
}

/** Into `reports`: run for every statement, so loops rather than new arrays. */
function checkStatement(statement: PlacedStatement, rules: DialectRules['statement'], context: LintContext, reports: Report[]): void {
  for (const { rule, check } of rules) for (const report of check(statement, context)) reports.push(ruleReport(rule, report, statement));
}

/** The script checks' reports, each about one of the statements linted. */
function scriptReports(statements: readonly PlacedStatement[], rules: DialectRules['script'], settings: ScriptSettings): Report[] {
  return rules.flatMap(({ rule, check }) => check.checkScript(statements, settings).map((report) => ruleReport(rule, report, statements[report.statement]!)));
}

function ruleReport(rule: Rule, report: RuleReport, statement: PlacedStatement): Report {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: report.message,
    help: rule.help,
    offset: scriptOffset(statement, report.offset ?? 0),
    statementOffset: statement.holderOffset ?? statement.offset,
  };
}

/** A statement the parser rejects is reported and skipped: one odd statement does not stop the lint. */
function parseErrorReport(statement: PlacedStatement, error: { message: string; offset: number }): Report {
  return {
    ruleId: PARSE_ERROR.id,
    severity: PARSE_ERROR.severity,
    message: `Could not parse this statement (${error.message}), so no rule checked it.`,
    help: PARSE_ERROR.help,
    offset: scriptOffset(statement, error.offset),
    statementOffset: statement.holderOffset ?? statement.offset,
  };
}

function toFinding(report: Report, override: SeverityOverride | undefined, lines: LineIndex, file: string): Finding {
  const severity = override === undefined || override === 'off' ? report.severity : override;
  return { ruleId: report.ruleId, severity, message: report.message, help: report.help, location: { file, ...lines.position(report.offset) } };
}

function byPosition(a: Finding, b: Finding): number {
  return a.location.line - b.location.line || a.location.column - b.location.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** What lint findings can be about: every rule, and `parse-error`. */
export const LINT_FINDING_KINDS: readonly FindingKind[] = [...Object.values<Rule>(RULES), PARSE_ERROR];

/** The ids a severity override or a suppression may name. */
export const LINT_IDS: readonly string[] = LINT_FINDING_KINDS.map((kind) => kind.id);

/**
 * The level of a kind of finding when `rules` does not name it: its severity, or `off` for a rule
 * that is off by default (advice: `rules` turns it on by giving it a level).
 */
export function defaultLevel(kind: FindingKind): SeverityOverride {
  return kind.enabledByDefault === false ? 'off' : kind.severity;
}

const DEFAULT_LEVELS: ReadonlyMap<string, SeverityOverride> = new Map(LINT_FINDING_KINDS.map((kind) => [kind.id, defaultLevel(kind)]));

function levelOf(id: string, overrides: Readonly<Record<string, SeverityOverride>>): SeverityOverride | undefined {
  return overrides[id] ?? DEFAULT_LEVELS.get(id);
}

/** The ids among `ids` that name no rule and no engine finding. */
export function unknownLintIds(ids: readonly string[]): string[] {
  return ids.filter((id) => !LINT_IDS.includes(id));
}

function checkedOverrides(overrides: Readonly<Record<string, SeverityOverride>>): Readonly<Record<string, SeverityOverride>> {
  const unknown = unknownLintIds(Object.keys(overrides));
  if (unknown.length > 0) throw new ConfigError(`Unknown lint rule(s) in rules: ${unknown.join(', ')}`, `use one of: ${LINT_IDS.join(', ')}`);
  return overrides;
}
