import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

const revision = (value: string) =>
  `export default { id: 'aaaa0001', parents: [], upgrade(op) { op.createTable('notes', (t) => { t.text('body'); }); op.insert('notes', { body: '${value}' }); }, downgrade(op) { op.dropTable('notes'); } };\n`;

/** Rendered statements are kept between runs of the bundled CLI, per dialect and format settings. */
describe('rendered statements cache', () => {
  function setup() {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }), 'revisions/aaaa0001_notes.ts': revision('first') });
    const cacheDir = tempProject();
    const upgrade = async () => {
      const result = await runCli(['upgrade', 'base:heads', '--sql'], root, { SQLGEN_CACHE_DIR: cacheDir });
      expect(result.exitCode, result.stderr).toBe(0);
      return result.stdout;
    };
    /** Appends a marker comment to every kept statement: output showing it came from the cache. */
    const tamper = () => {
      for (const name of readdirSync(cacheDir).filter((file) => file.startsWith('rendered-'))) {
        const file = path.join(cacheDir, name);
        const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, string> };
        for (const key of Object.keys(cache.entries)) cache.entries[key] += ' /* kept */';
        writeFileSync(file, JSON.stringify(cache));
      }
    };
    return { root, upgrade, tamper };
  }

  it('serves a statement rendered before, and renders an edited one again', async () => {
    const project = setup();
    const first = await project.upgrade();
    expect(await project.upgrade()).toBe(first);
    project.tamper();
    expect(await project.upgrade()).toContain('/* kept */');
    writeFileSync(path.join(project.root, 'revisions/aaaa0001_notes.ts'), revision('second'));
    const edited = await project.upgrade();
    expect(edited).toMatch(/'second'\);\n/);
  });

  it('keeps other format settings apart', async () => {
    const project = setup();
    await project.upgrade();
    project.tamper();
    writeFileSync(path.join(project.root, 'sqlgen.config.json'), JSON.stringify({ dialect: 'postgresql', format: { keywordCase: 'lower' } }));
    const lower = await project.upgrade();
    expect(lower).not.toContain('/* kept */');
    expect(lower).toContain('create table');
  });
});
