/**
 * What `sqlgen lint` can read besides revisions: SQL files (or standard input) in a dialect the
 * user names, and a bundle folder, whose manifest says the dialect and which scripts to read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest, type AnyManifest } from '../bundle/manifest.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { BundleError, LintInputError } from '../errors.js';
import { lintScript, unknownLintIds } from './engine.js';
import type { Finding, LintSettings } from './types.js';

/** A script to lint and the name its findings show. */
export interface SqlSource {
  file: string;
  text: string;
  /** Rules turned off for this script: in a bundle, its revision's `lintDisable`. */
  disabled?: readonly string[];
}

export type SourceLintOptions = LintSettings;

/** The findings of each script, in the order given. */
export async function lintSqlSources(sources: readonly SqlSource[], options: SourceLintOptions & { dialect: DialectId }): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const source of sources) {
    const rules = { ...options.rules, ...Object.fromEntries((source.disabled ?? []).map((id) => [id, 'off' as const])) };
    // One push per finding: spreading a long script's findings into push() overflows the stack.
    for (const finding of await lintScript(source.text, { ...options, file: source.file, rules })) findings.push(finding);
  }
  return findings;
}

/** A SQL file's text, named as the user wrote it; an unreadable file is an input error. */
export function readSqlSource(file: string, cwd: string): SqlSource {
  try {
    return { file, text: readFileSync(path.resolve(cwd, file), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LintInputError('UNREADABLE_INPUT', `${file}: cannot read it (${code})`, code === 'EISDIR' ? 'give .sql files, or a bundle folder (one with a manifest.json)' : 'check the path', { file });
  }
}

/**
 * The per-revision upgrade scripts of a bundle folder, in upgrade order, with its dialect: what a
 * DBA runs, linted as the files are (positions point into them), with the rules each revision
 * turned off (as the bundle's own lint did; ids this sqlgen does not know cannot find anything).
 */
export function bundleSources(folder: string, cwd: string): { dialect: DialectId; sources: SqlSource[] } {
  const manifest = readBundleManifest(folder, cwd);
  const sources = manifest.revisions.map((revision) => {
    const disabled = 'lintDisable' in revision ? (revision.lintDisable ?? []).filter((id) => unknownLintIds([id]).length === 0) : [];
    return { ...readSqlSource(path.join(folder, revision.upgrade.file), cwd), ...(disabled.length > 0 && { disabled }) };
  });
  return { dialect: manifest.dialect, sources };
}

function readBundleManifest(folder: string, cwd: string): AnyManifest {
  const file = path.join(folder, 'manifest.json');
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new BundleError('BUNDLE_INVALID', `${file}: cannot read the bundle's manifest (${(error as NodeJS.ErrnoException).code})`, 'give a bundle folder written by `sqlgen bundle`, or .sql files with --dialect', { file });
  }
  const parsed = parseManifest(text);
  if ('manifest' in parsed) return parsed.manifest;
  throw new BundleError('BUNDLE_INVALID', `${file}: ${parsed.problem}`, 'run `sqlgen verify` on the bundle, or write it again', { file });
}
