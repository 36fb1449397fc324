import path from 'node:path';
import { describe, it } from 'vitest';
import { DIALECT_IDS } from '../../src/dialects/dialect-id.js';
import { expectGolden, renderFor } from '../helpers/render.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/compile');

describe('golden scripts of the example project', () => {
  for (const dialect of DIALECT_IDS) {
    it(`${dialect}: upgrade base:heads`, async () => {
      expectGolden(`example/${dialect}.upgrade.sql`, await renderFor(dialect, { command: 'upgrade', range: 'base:heads' }));
    });
    it(`${dialect}: downgrade heads:base`, async () => {
      expectGolden(`example/${dialect}.downgrade.sql`, await renderFor(dialect, { command: 'downgrade', range: 'heads:base' }));
    });
    it(`${dialect}: stamp heads`, async () => {
      expectGolden(`example/${dialect}.stamp.sql`, await renderFor(dialect, { command: 'stamp', range: 'heads' }));
    });
  }
  it('postgresql: upgrade from the middle, unformatted, in one transaction', async () => {
    expectGolden('example/postgresql.upgrade-middle-single.sql', await renderFor('postgresql', { command: 'upgrade', range: '3f2a:heads', format: false, singleTransaction: true }));
  });
});

describe('golden scripts of fixture revision sets', () => {
  for (const dialect of DIALECT_IDS) {
    it(`values-and-ops, ${dialect}`, async () => {
      expectGolden(`values-and-ops/${dialect}.upgrade.sql`, await renderFor(dialect, { command: 'upgrade', range: 'base:heads' }, path.join(FIXTURES, 'values-and-ops')));
    });
  }
  const rebuild = path.join(FIXTURES, 'sqlite-rebuild');
  it.each([
    ['upgrade', 'base:heads'],
    ['downgrade', 'heads:base'],
    ['upgrade', 'bbbb0002:heads'],
  ] as const)('sqlite-rebuild: %s %s', async (command, range) => {
    const name = `sqlite-rebuild/sqlite.${command}-${range.replace(':', '-')}.sql`;
    expectGolden(name, await renderFor('sqlite', { command, range }, rebuild));
  });
});
