import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRelativePath } from '../src/project-path.js';

it.each([
  ['/home/ana/shop', '/home/ana/shop/revisions/a1_x.ts'],
  ['/home/ana/shop/', '/home/ana/shop/revisions/a1_x.ts'],
  ['/home/ana/shop', '/home/ana/shop/.hidden/a1_x.ts'],
  ['/home/ana/shop', '/home/ana/shop/revisions/../sqlgen.config.json'],
  ['/home/ana/shop', '/home/ana/shop//revisions/a1_x.ts'],
  ['/home/ana/shop', '/home/ana/shopfront/revisions/a1_x.ts'],
  ['/home/ana/shop', '/elsewhere/a1_x.ts'],
  ['/home/ana/./shop', '/home/ana/shop/revisions/a1_x.ts'],
  ['/home/ana/shop', '/home/ana/shop'],
])('projectRelativePath(%s, %s) says what path.relative says', (root, file) => {
  expect(projectRelativePath(root, file)).toBe(path.posix.relative(root, file));
});
