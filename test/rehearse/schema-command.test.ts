import { describe, expect, it } from 'vitest';
import { EMBEDDED_ENGINES } from '../../src/engines/index.js';
import { diffSnapshots } from '../../src/schema/schema-diff.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { runCli } from '../helpers/run-cli.js';

describe('sqlgen schema', () => {
  it('prints DDL that builds, on a fresh SQLite, the schema the upgrade script builds', async () => {
    const root = copyExampleProject();
    const printed = await runCli(['schema', '3f2a9c1b7d4e', '--dialect', 'sqlite'], root);
    expect(printed.exitCode, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('CREATE TABLE orders');
    expect(printed.stdout).not.toContain('countries');
    const upgrade = await runCli(['upgrade', 'base:3f2a9c1b7d4e', '--sql', '--dialect', 'sqlite'], root);
    const [fromDdl, fromUpgrade] = [await EMBEDDED_ENGINES.sqlite({ versionTable: { name: 'sqlgen_version' } }), await EMBEDDED_ENGINES.sqlite({ versionTable: { name: 'sqlgen_version' } })];
    expect(await fromDdl.apply(printed.stdout, 'schema.sql')).toMatchObject({ ok: true });
    expect(await fromUpgrade.apply(upgrade.stdout, 'upgrade.sql')).toMatchObject({ ok: true });
    const [built, upgraded] = [await fromDdl.snapshot(), await fromUpgrade.snapshot()];
    // The DDL holds the schema, not the version rows: those are its header's comment.
    expect(diffSnapshots({ ...upgraded, versions: null }, built)).toEqual([]);
    expect(printed.stdout).toContain('3f2a9c1b7d4e');
  });

  it('refuses a dialect without an embedded engine, as a usage error', async () => {
    const result = await runCli(['schema', '--dialect', 'mysql'], copyExampleProject());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('cannot read the schema of a mysql project: no embedded MySQL engine');
  });
});
