import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/render.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';

const PHONE = `  loyalty_points integer NOT NULL DEFAULT 0,
  phone varchar(40)
);

CREATE INDEX customers_phone_idx ON customers (phone);`;

/** A copy of the example project with its declared schema. */
function exampleWithSchema(): string {
  const root = copyExampleProject();
  writeFileSync(path.join(root, 'schema.sql'), readFileSync(path.join(REPO_ROOT, 'schema.sql'), 'utf8'));
  return root;
}

function declare(root: string, edit: (schema: string) => string): void {
  const file = path.join(root, 'schema.sql');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

const driftFindings = (stdout: string) => stdout.split('\n').filter((line) => line.includes('schema-drift'));

describe('revision --autogenerate on the example project', () => {
  it('check reports drift for a schema.sql edit, autogenerate writes the revision a person would, and check is clean after', async () => {
    const root = exampleWithSchema();
    declare(root, (schema) => schema.replace('  loyalty_points integer NOT NULL DEFAULT 0\n);', PHONE));

    const before = await runCli(['check'], root);
    expect(before.exitCode).toBe(1);
    expect(driftFindings(before.stdout)).toEqual([
      'schema.sql:11:1: error schema-drift column customers.phone is in schema.sql but not at head',
      'schema.sql:14:1: error schema-drift index customers_phone_idx on customers is in schema.sql but not at head',
    ]);

    const generated = await runCli(['revision', '--autogenerate', '-m', 'add customer phone', '--rev-id', 'a1b2c3d4e5f6'], root);
    expect(generated.stderr).toContain('Generating revisions/a1b2c3d4e5f6_add_customer_phone.ts ... done');
    expect(generated.stderr).toContain('  add column customers.phone\n  create index customers_phone_idx on customers');
    expect(generated.exitCode).toBe(0);
    expectGolden('autogenerate/add_customer_phone.ts', readFileSync(path.join(root, 'revisions/a1b2c3d4e5f6_add_customer_phone.ts'), 'utf8'));

    const after = await runCli(['check'], root);
    expect(driftFindings(after.stdout)).toEqual([]);
    expect(after.exitCode).toBe(0);
  });

  it('writes nothing and says so when head already matches the declared schema', async () => {
    const root = exampleWithSchema();
    const tree = snapshotTree(root);
    const result = await runCli(['revision', '--autogenerate', '-m', 'nothing'], root);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('No changes: head already matches schema.sql; no revision written.');
    expect(snapshotTree(root)).toEqual(tree);
  });

  it('names the file, the line and the engine message of a schema.sql that does not apply, and writes nothing', async () => {
    const root = exampleWithSchema();
    declare(root, (schema) => schema.replace('  full_name varchar(200) NOT NULL,', '  full_name varchar(200) NOT NULL,\n  born dat NOT NULL,'));
    const tree = snapshotTree(root);
    const result = await runCli(['revision', '--autogenerate', '-m', 'broken'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: schema\.sql:4: PostgreSQL [\d.]+ \(PGlite [\d.]+, embedded\) refused a statement of the declared schema: type "dat" does not exist/m);
    expect(snapshotTree(root)).toEqual(tree);
    const check = await runCli(['check'], root);
    expect(check.exitCode).toBe(2);
    expect(check.stderr).toContain('schema.sql:4:');
  });

  it('writes a SQL revision with --sql', async () => {
    const root = exampleWithSchema();
    declare(root, (schema) => schema.replace('  loyalty_points integer NOT NULL DEFAULT 0\n);', PHONE));
    const result = await runCli(['revision', '--autogenerate', '--sql', '-m', 'add customer phone', '--rev-id', 'a1b2c3d4e5f6'], root);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Upgrade (SQL statements), proven on the embedded engine together with its downgrade:');
    expectGolden('autogenerate/add_customer_phone.sql', readFileSync(path.join(root, 'revisions/a1b2c3d4e5f6_add_customer_phone.sql'), 'utf8'));
  });
});
