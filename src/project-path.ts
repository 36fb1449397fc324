import path from 'node:path';

/**
 * A path as shown in messages and manifests: relative to the project root, with `/` on every
 * system, so no absolute path of the user's machine leaks into output.
 *
 * @example projectRelativePath('/home/ana/shop', '/home/ana/shop/revisions/a1_x.ts') // 'revisions/a1_x.ts'
 */
export function projectRelativePath(projectRoot: string, absolute: string): string {
  return path.relative(projectRoot, absolute).split(path.sep).join('/');
}
