import { readFileSync } from 'node:fs';

/** sqlgen's own package.json: its version goes into script headers and cache stamps. */
export const PACKAGE_INFO = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
