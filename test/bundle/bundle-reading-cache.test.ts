import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** Two revisions; the second indexes an existing table, an error lint reports (not CONCURRENTLY). */
const FILES = {
  'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }),
  'revisions/aaaa0001_notes.ts': `export default { id: 'aaaa0001', parents: [], upgrade(op) { op.createTable('notes', (t) => { t.text('body'); }); }, downgrade(op) { op.dropTable('notes'); } };\n`,
  'revisions/aaaa0002_index.ts': `export default { id: 'aaaa0002', parents: ['aaaa0001'], upgrade(op) { op.alterTable('notes', (t) => { t.index(['body'], 'notes_body_idx'); }); }, downgrade(op) { op.alterTable('notes', (t) => { t.dropIndex(['body'], 'notes_body_idx'); }); } };\n`,
};

interface Manifest {
  lint: { findings: Array<{ revision: string; message: string }> };
}

/** A bundle's lint findings come from the cache of script readings when a script is unchanged (bundled CLI only). */
describe('bundle lint reads each unchanged script from the cache', () => {
  function setup() {
    const root = tempProject(FILES);
    const cacheDir = tempProject();
    const bundle = async (...flags: string[]): Promise<Manifest> => {
      const result = await runCli(['bundle', '--no-rehearse', '--allow-lint-errors', '--force', '--out', 'out', ...flags], root, { SQLGEN_CACHE_DIR: cacheDir });
      expect(result.exitCode, result.stderr).toBe(0);
      const [folder] = readdirSync(path.join(root, 'out')).filter((name) => !name.startsWith('.'));
      return JSON.parse(readFileSync(path.join(root, 'out', folder!, 'manifest.json'), 'utf8')) as Manifest;
    };
    /** Appends `marker` to every kept finding's message: a bundle showing it read the cache. */
    const tamper = (marker: string) => {
      const file = path.join(cacheDir, readdirSync(cacheDir).find((name) => name.startsWith('readings-'))!);
      const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { findings: Array<{ message: string }> }> };
      for (const entry of Object.values(cache.entries)) for (const finding of entry.findings) finding.message += ` ${marker}`;
      writeFileSync(file, JSON.stringify(cache));
    };
    return { root, bundle, tamper };
  }

  it('serves unchanged scripts from the cache and reads a changed one again', async () => {
    const project = setup();
    const first = await project.bundle();
    expect(first.lint.findings.some((finding) => finding.revision === 'aaaa0002')).toBe(true);
    expect((await project.bundle()).lint.findings).toEqual(first.lint.findings);
    project.tamper('(kept)');
    expect((await project.bundle()).lint.findings.every((finding) => finding.message.endsWith('(kept)'))).toBe(true);

    writeFileSync(path.join(project.root, 'revisions/aaaa0002_index.ts'), FILES['revisions/aaaa0002_index.ts'].replaceAll('notes_body_idx', 'notes_body_index'));
    const edited = (await project.bundle()).lint.findings.filter((finding) => finding.revision === 'aaaa0002');
    expect(edited.length).toBeGreaterThan(0);
    expect(edited.some((finding) => finding.message.endsWith('(kept)'))).toBe(false);
  });

  it('reads every script again when a lint setting changes', async () => {
    const project = setup();
    await project.bundle();
    project.tamper('(kept)');
    const config = JSON.stringify({ dialect: 'postgresql', lint: { postgresqlVersion: 16 } });
    writeFileSync(path.join(project.root, 'sqlgen.config.json'), config);
    expect((await project.bundle()).lint.findings.some((finding) => finding.message.endsWith('(kept)'))).toBe(false);
  });
});
