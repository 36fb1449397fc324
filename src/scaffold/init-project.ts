import { appendFileSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, findConfigUpward } from '../config/load-config.js';
import { ConfigError } from '../errors.js';
import { CONFIG_DEFAULTS } from '../config/schema.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { BUILT_IN_TEMPLATES_DIR } from '../output/templates.js';

export interface ScaffoldEntry {
  path: string;
  action: 'created' | 'updated' | 'kept';
}

/** Templates copied into a new project so that a team can adapt them. */
const SCAFFOLD_TEMPLATES = ['revision.ts.hbs', 'revision.js.hbs', 'revision.sql.hbs'];

/** What keeps `sqlgen keygen`'s private key, written into the project root by default, out of git. */
const GITIGNORE_ENTRY = 'sqlgen.key.pem';

/**
 * Creates `sqlgen.config.json`, `revisions/`, `templates/` and `output/` in `root`, and a
 * `.gitignore` line for the private signing key. Existing files and folders are kept as they
 * are: init never overwrites. Refuses (ConfigError, exit 2) to start a project inside another
 * one, and a `dialect` other than the one an existing config sets.
 */
export function initProject(root: string, dialect: DialectId | undefined): ScaffoldEntry[] {
  const existing = findConfigUpward(root);
  if (existing && path.dirname(existing) !== path.resolve(root)) {
    throw new ConfigError(`${path.resolve(root)} is inside the sqlgen project of ${existing}`, `run sqlgen commands from anywhere in that project; to start a separate one here, run init in a folder outside it`, { file: existing });
  }
  const configured = existing ? configuredDialect(existing) : undefined;
  if (dialect && configured && dialect !== configured) {
    throw new ConfigError(`${CONFIG_FILE_NAME} already sets dialect "${configured}"; init --dialect ${dialect} would not change it`, `edit "dialect" in ${CONFIG_FILE_NAME}, or run init without --dialect`, { file: CONFIG_FILE_NAME });
  }
  const entries: ScaffoldEntry[] = [];
  const record = (relative: string, create: (absolute: string) => void) => {
    const absolute = path.join(root, relative);
    const exists = existsSync(absolute);
    if (!exists) create(absolute);
    entries.push({ path: relative, action: exists ? 'kept' : 'created' });
  };
  const config = { dialect: dialect ?? CONFIG_DEFAULTS.dialect, revisionsDir: CONFIG_DEFAULTS.revisionsDir, outputDir: CONFIG_DEFAULTS.outputDir, templatesDir: CONFIG_DEFAULTS.templatesDir, versionTable: CONFIG_DEFAULTS.versionTable };
  record(CONFIG_FILE_NAME, (file) => writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { flag: 'wx' }));
  for (const folder of [CONFIG_DEFAULTS.revisionsDir, CONFIG_DEFAULTS.templatesDir, CONFIG_DEFAULTS.outputDir]) {
    record(folder + '/', (absolute) => mkdirSync(absolute, { recursive: true }));
  }
  for (const template of SCAFFOLD_TEMPLATES) {
    record(`${CONFIG_DEFAULTS.templatesDir}/${template}`, (file) => copyFileSync(path.join(BUILT_IN_TEMPLATES_DIR, template), file, constants.COPYFILE_EXCL));
  }
  entries.push(ignoreKey(path.join(root, '.gitignore')));
  return entries;
}

function configuredDialect(file: string): string | undefined {
  try {
    const dialect = (JSON.parse(readFileSync(file, 'utf8')) as { dialect?: unknown }).dialect;
    return typeof dialect === 'string' ? dialect : undefined;
  } catch {
    return undefined;
  }
}

function ignoreKey(file: string): ScaffoldEntry {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (text !== null && text.split(/\r?\n/).some((line) => line.trim() === GITIGNORE_ENTRY || line.trim() === `/${GITIGNORE_ENTRY}`)) return { path: '.gitignore', action: 'kept' };
  const separator = text && !text.endsWith('\n') ? '\n' : '';
  appendFileSync(file, `${separator}# sqlgen keygen's private signing key\n${GITIGNORE_ENTRY}\n`);
  return { path: '.gitignore', action: text === null ? 'created' : 'updated' };
}
