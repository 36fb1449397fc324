import { constants, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../config/load-config.js';
import { CONFIG_DEFAULTS } from '../config/schema.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { BUILT_IN_TEMPLATES_DIR } from '../output/templates.js';

export interface ScaffoldEntry {
  path: string;
  action: 'created' | 'kept';
}

/** Templates copied into a new project so that a team can adapt them. */
const SCAFFOLD_TEMPLATES = ['revision.ts.hbs', 'revision.sql.hbs'];

/**
 * Creates `sqlgen.config.json`, `revisions/`, `templates/` and `output/` in `root`. Existing
 * files and folders are kept as they are: init never overwrites.
 */
export function initProject(root: string, dialect: DialectId): ScaffoldEntry[] {
  const entries: ScaffoldEntry[] = [];
  const record = (relative: string, create: (absolute: string) => void) => {
    const absolute = path.join(root, relative);
    const exists = existsSync(absolute);
    if (!exists) create(absolute);
    entries.push({ path: relative, action: exists ? 'kept' : 'created' });
  };
  const config = { dialect, revisionsDir: CONFIG_DEFAULTS.revisionsDir, outputDir: CONFIG_DEFAULTS.outputDir, templatesDir: CONFIG_DEFAULTS.templatesDir, versionTable: CONFIG_DEFAULTS.versionTable };
  record(CONFIG_FILE_NAME, (file) => writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { flag: 'wx' }));
  for (const folder of [CONFIG_DEFAULTS.revisionsDir, CONFIG_DEFAULTS.templatesDir, CONFIG_DEFAULTS.outputDir]) {
    record(folder + '/', (absolute) => mkdirSync(absolute, { recursive: true }));
  }
  for (const template of SCAFFOLD_TEMPLATES) {
    record(`${CONFIG_DEFAULTS.templatesDir}/${template}`, (file) => copyFileSync(path.join(BUILT_IN_TEMPLATES_DIR, template), file, constants.COPYFILE_EXCL));
  }
  return entries;
}
