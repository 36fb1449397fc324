import path from 'node:path';
import type { ProjectConfig } from '../config/load-config.js';
import { ConfigError } from '../errors.js';
import { unknownLintIds } from './engine.js';
import type { LintSettings } from './types.js';

/**
 * The config's lint settings: `lint.rules`, checked against the rules this sqlgen has (a
 * misspelt id would otherwise switch nothing off, silently), and the servers the SQL is for:
 * `lint.postgresqlVersion`, `lint.mysqlVersion`, `lint.sqlServerEdition`.
 *
 * @throws ConfigError naming the config file and the unknown ids.
 */
export function configuredLint(config: Pick<ProjectConfig, 'lint' | 'configFile' | 'projectRoot'>): LintSettings {
  const unknown = unknownLintIds(Object.keys(config.lint.rules));
  const { rules, postgresqlVersion, mysqlVersion, sqlServerEdition } = config.lint;
  if (unknown.length === 0) return { rules, postgresqlVersion, mysqlVersion, sqlServerEdition };
  const file = config.configFile ? path.relative(config.projectRoot, config.configFile) || config.configFile : 'sqlgen.config.json';
  throw new ConfigError(`${file}: lint.rules names unknown rule(s): ${unknown.join(', ')}`, 'run `sqlgen lint --list-rules` for the rule ids', { file });
}
