/**
 * Where a lint rule's doc page is. The pages ship in the npm package (`docs/rules/` is in the
 * package's `files`), so the link is to the published package of the running version on unpkg:
 * absolute, as SARIF's `helpUri` must be; pinned, so a finding links to the text of the rule
 * that found it, not to a newer one; and it needs no website or repository host of our own.
 */
import { PACKAGE_INFO } from '../package-info.js';

/** The page's path inside the sqlgen package (and this repository). */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/**
 * The page's URL in the published package of this sqlgen version.
 *
 * @example ruleDocUrl('ban-drop-table') // 'https://unpkg.com/sqlgen@0.1.0/docs/rules/ban-drop-table.md'
 */
export function ruleDocUrl(id: string): string {
  return `https://unpkg.com/sqlgen@${PACKAGE_INFO.version}/${ruleDocPath(id)}`;
}
