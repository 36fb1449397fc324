import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/output/write-file.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** The pid of a process that has already ended: a leftover with it in its name is a dead writer's. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('writeFileAtomically', () => {
  it('never writes through a link planted where its temporary file would go', () => {
    const shared = tempProject({ 'victim.txt': 'precious\n' });
    const victim = path.join(shared, 'victim.txt');
    for (const pid of [process.pid, ...Array.from({ length: 50 }, (_, i) => process.pid + i + 1)]) symlinkSync(victim, path.join(shared, `.out.sql.${pid}.tmp`));
    writeFileAtomically(path.join(shared, 'out.sql'), 'select 1;\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(path.join(shared, 'out.sql'), 'utf8')).toBe('select 1;\n');
  });

  it('removes temporaries that killed runs left, and leaves none of its own', () => {
    const folder = tempProject();
    const dead = deadPid();
    writeFileSync(path.join(folder, `.out.sql.${dead}.tmp`), 'half');
    writeFileSync(path.join(folder, `.out.sql.${dead}-0123456789abcdef.tmp`), 'half');
    writeFileSync(path.join(folder, `.out.sql.${process.pid}-0123456789abcdef.tmp`), 'a live writer');
    writeFileAtomically(path.join(folder, 'out.sql'), 'select 1;\n');
    expect(readdirSync(folder).sort()).toEqual([`.out.sql.${process.pid}-0123456789abcdef.tmp`, 'out.sql']);
  });

  it('upgrade --out does not write into links planted for the next 500 pids in a shared folder', async () => {
    const root = copyExampleProject();
    const shared = path.join(root, 'shared');
    mkdirSync(shared);
    writeFileSync(path.join(root, 'victim.txt'), 'precious\n');
    const next = deadPid();
    for (let pid = next; pid < next + 500; pid++) symlinkSync(path.join(root, 'victim.txt'), path.join(shared, `.out.sql.${pid}.tmp`));
    const result = await runCli(['upgrade', 'base:head', '--sql', '--out', 'shared/out.sql'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(readFileSync(path.join(shared, 'out.sql'), 'utf8')).toContain('CREATE TABLE');
  });
});
