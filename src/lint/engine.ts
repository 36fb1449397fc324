/**
 * The lint engine: splits a script into statements, parses them, runs the rules that know the
 * dialect, then applies severity overrides and suppression comments.
 */
import type { DialectId } from '../dialects/dialect-id.js';
import { ConfigError } from '../errors.js';
import { DIALECT_LINTING, type DialectLinting, type StatementParse } from './lint-dialects.js';
import { RULES } from './rules/index.js';
import { splitStatements, type SplitStatement } from './split-statements.js';
import { suppressions } from './suppressions.js';
import { LineIndex } from './text-position.js';
import { DEFAULT_POSTGRESQL_VERSION } from '../dialects/versions.js';
import type { Finding, FindingKind, LintContext, LintSettings, Rule, RuleCheck, Severity, SeverityOverride } from './types.js';

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

/** A rule with its check for the dialect being linted. */
interface DialectRule {
  rule: Rule;
  check: RuleCheck;
}

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
 * parser is WebAssembly, loaded on first use.
 *
 * @throws ConfigError when `options.rules` names an unknown rule.
 * @example
 * await lintScript('alter table orders drop column note;', { file: 'up.sql', dialect: 'postgresql' })
 * // [{ ruleId: 'ban-drop-column', severity: 'warning', location: { file: 'up.sql', line: 1, column: 1 }, ... }, ...]
 */
export async function lintScript(text: string, options: LintOptions): Promise<Finding[]> {
  const overrides = checkedOverrides(options.rules ?? {});
  const script = splitStatements(text, { ...options, inTransaction: options.assumeInTransaction ?? false });
  const reports = await statementReports(script.statements, options.dialect, options.postgresqlVersion ?? DEFAULT_POSTGRESQL_VERSION);
  const suppressed = suppressions(script.comments, script.statements.map((statement) => statement.offset));
  const lines = new LineIndex(text);
  return reports
    .filter((report) => overrides[report.ruleId] !== 'off' && !suppressed(report.ruleId, report.statementOffset))
    .map((report) => toFinding(report, overrides[report.ruleId], lines, options.file))
    .sort(byPosition);
}

/** Parses each statement and runs the dialect's rules on it, with what the script did before it. */
async function statementReports(statements: readonly SplitStatement[], dialect: DialectId, postgresqlVersion: number): Promise<Report[]> {
  const linting: DialectLinting = DIALECT_LINTING[dialect];
  const parse = await linting.loadParser?.();
  const rules = Object.values<Rule>(RULES).flatMap((rule) => {
    const check = rule.checks[dialect];
    return check ? [{ rule, check }] : [];
  });
  const tracker = linting.createTracker();
  const reports: Report[] = [];
  for (const statement of statements) {
    const parsed = parse?.(statement.sql);
    const analysed = parsed && 'ast' in parsed ? { ...statement, ast: parsed.ast } : statement;
    if (parsed && 'error' in parsed) reports.push(parseErrorReport(statement, parsed));
    else if (!statement.transactionControl) reports.push(...checkStatement(analysed, rules, { ...tracker.context, postgresqlVersion }));
    tracker.observe(analysed);
  }
  return reports;
}

function checkStatement(statement: SplitStatement, rules: readonly DialectRule[], context: LintContext): Report[] {
  return rules.flatMap(({ rule, check }) =>
    check(statement, context).map((report) => ({
      ruleId: rule.id,
      severity: rule.severity,
      message: report.message,
      help: rule.help,
      offset: statement.offset + (report.offset ?? 0),
      statementOffset: statement.offset,
    })),
  );
}

/** A statement the parser rejects is reported and skipped: one odd statement does not stop the lint. */
function parseErrorReport(statement: SplitStatement, parsed: Extract<StatementParse, { error: unknown }>): Report {
  return {
    ruleId: PARSE_ERROR.id,
    severity: PARSE_ERROR.severity,
    message: `Could not parse this statement (${parsed.error.message}), so no rule checked it.`,
    help: PARSE_ERROR.help,
    offset: statement.offset + parsed.error.offset,
    statementOffset: statement.offset,
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

/** The ids among `ids` that name no rule and no engine finding. */
export function unknownLintIds(ids: readonly string[]): string[] {
  return ids.filter((id) => !LINT_IDS.includes(id));
}

function checkedOverrides(overrides: Readonly<Record<string, SeverityOverride>>): Readonly<Record<string, SeverityOverride>> {
  const unknown = unknownLintIds(Object.keys(overrides));
  if (unknown.length > 0) throw new ConfigError(`Unknown lint rule(s) in rules: ${unknown.join(', ')}`, `use one of: ${LINT_IDS.join(', ')}`);
  return overrides;
}
