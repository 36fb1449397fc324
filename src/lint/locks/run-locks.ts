/**
 * `sqlgen lint --locks` as a function: the same inputs as `sqlgen lint` (a revision range, SQL
 * files, standard input or bundle folders), reported as the locks their statements take.
 */
import type { ProjectConfig } from '../../config/load-config.js';
import type { DialectId } from '../../dialects/dialect-id.js';
import { inRevisionSource, type RevisionScript } from '../lint-revisions.js';
import { countOf } from '../report/lint-report.js';
import { checkRequest, revisionRangeOf, serversOf, sqlInputs, type LintEnvironment, type LintRequest } from '../run-lint.js';
import type { ServerSettings } from '../types.js';
import type { LockEntry } from './lock-entry.js';
import { coversLocks, lockScript } from './lock-script.js';

export interface LockReport {
  /** The locks, input by input, in statement order. */
  entries: LockEntry[];
  /** The dialects of the inputs in the report. */
  dialects: DialectId[];
  /** Inputs in a dialect without a lock model yet (see LOCK_MODELS): none of their statements is in `entries`. */
  notCovered: Array<{ input: string; dialect: DialectId }>;
  /** The PostgreSQL major version the entries are for: --postgresql-version, else the config's lint.postgresqlVersion. */
  postgresqlVersion: number;
  /** What was read: `6 revisions`, `2 inputs`. */
  scanned: string;
}

/**
 * The lock report of the request's inputs. Revisions are read as `sqlgen lint` reads them, and
 * each entry points at the op call or SQL line that wrote the statement.
 *
 * @throws LintInputError as {@link checkRequest} does, and for unreadable inputs.
 */
export async function runLockReport(request: LintRequest, environment: LintEnvironment): Promise<LockReport> {
  checkRequest(request);
  if (request.paths.length === 0) {
    const project = await environment.openProject();
    const servers = serversFor(request, project.config);
    // Imported here: rendering revisions loads knex, which reading SQL files has no use for.
    const { renderRevisionRange } = await import('../lint-project.js');
    const { dialect, scripts } = await renderRevisionRange(project, revisionRangeOf(request));
    const covered = coversLocks(dialect);
    return {
      entries: covered ? await lockRevisionScripts(scripts, dialect, servers) : [],
      dialects: covered ? [dialect] : [],
      notCovered: covered ? [] : [{ input: 'the revisions', dialect }],
      postgresqlVersion: servers.postgresqlVersion,
      scanned: countOf(scripts.length, 'revision'),
    };
  }
  const config = environment.loadConfig();
  const servers = serversFor(request, config);
  const report: LockReport = { entries: [], dialects: [], notCovered: [], postgresqlVersion: servers.postgresqlVersion, scanned: countOf(request.paths.length, 'input') };
  for (const { input, dialect, sources, assumeInTransaction } of await sqlInputs(request.paths, request.assumeInTransaction ?? false, config, environment)) {
    if (!coversLocks(dialect)) {
      report.notCovered.push({ input, dialect });
      continue;
    }
    if (!report.dialects.includes(dialect)) report.dialects.push(dialect);
    for (const source of sources) report.entries = report.entries.concat(await lockScript(source.text, { file: source.file, dialect, ...servers, assumeInTransaction }));
  }
  return report;
}

/** The locks of each revision's script, located in the revision files. */
async function lockRevisionScripts(scripts: readonly RevisionScript[], dialect: DialectId, servers: ServerSettings): Promise<LockEntry[]> {
  const entries: LockEntry[] = [];
  for (const { revision, script } of scripts) {
    const found = await lockScript(script.text, { file: revision.file, dialect, ...servers });
    entries.push(...found.map((entry) => ({ ...entry, location: inRevisionSource(entry.location, script.placements) })));
  }
  return entries;
}

/** The servers the flags name, the config's for the others. */
function serversFor(request: LintRequest, config: ProjectConfig): Required<ServerSettings> {
  const { postgresqlVersion, mysqlVersion, sqlServerEdition } = config.lint;
  return { postgresqlVersion, mysqlVersion, sqlServerEdition, ...serversOf(request) };
}
