import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** Two revisions; the second indexes an existing table, which lint reports (not CONCURRENTLY). */
const FILES = {
  'sqlgen.config.json': JSON.stringify({ dialect: 'postgresql' }),
  'revisions/aaaa0001_notes.ts': `export default { id: 'aaaa0001', parents: [], upgrade(op) { op.createTable('notes', (t) => { t.text('body'); }); }, downgrade(op) { op.dropTable('notes'); } };\n`,
  'revisions/aaaa0002_index.ts': `export default { id: 'aaaa0002', parents: ['aaaa0001'], upgrade(op) { op.alterTable('notes', (t) => { t.index(['body'], 'notes_body_idx'); }); }, downgrade(op) { op.alterTable('notes', (t) => { t.dropIndex(['body'], 'notes_body_idx'); }); } };\n`,
};

interface Finding {
  ruleId: string;
  message: string;
  location: { file: string; line: number };
}

/** `sqlgen lint` and `sqlgen check` read each unchanged revision script's findings from a cache of their own (bundled CLI only). */
describe('lint over the revisions reads each unchanged script from the cache', () => {
  function setup() {
    const root = tempProject(FILES);
    const cacheDir = tempProject();
    const findings = async (command: 'lint' | 'check', ...flags: string[]): Promise<Finding[]> => {
      const result = await runCli([command, '--format', 'json', '--fail-on', 'none', ...flags], root, { SQLGEN_CACHE_DIR: cacheDir });
      expect(result.exitCode, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    };
    /** Appends `marker` to every kept finding's message: a run showing it read the cache. */
    const tamper = (marker: string) => {
      const file = path.join(cacheDir, readdirSync(cacheDir).find((name) => name.startsWith('revision-readings-'))!);
      const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { findings: Array<{ message: string }> }> };
      for (const entry of Object.values(cache.entries)) for (const finding of entry.findings) finding.message += ` ${marker}`;
      writeFileSync(file, JSON.stringify(cache));
    };
    const edit = (file: keyof typeof FILES, text: string) => writeFileSync(path.join(root, file), text);
    return { findings, tamper, edit };
  }
  const revisionFindings = (found: Finding[]) => found.filter((finding) => finding.location.file.includes('aaaa0002'));

  it('serves unchanged scripts from the cache, the same findings as without it, and reads a changed one again', async () => {
    const project = setup();
    const first = await project.findings('lint');
    expect(revisionFindings(first).length).toBeGreaterThan(0);
    expect(await project.findings('lint')).toEqual(first);
    project.tamper('(kept)');
    const kept = await project.findings('lint');
    expect(kept.length).toBe(first.length);
    expect(kept.every((finding) => finding.message.endsWith('(kept)'))).toBe(true);
    expect(revisionFindings(await project.findings('check')).every((finding) => finding.message.endsWith('(kept)'))).toBe(true);

    project.edit('revisions/aaaa0002_index.ts', FILES['revisions/aaaa0002_index.ts'].replaceAll('notes_body_idx', 'notes_body_index'));
    const edited = revisionFindings(await project.findings('lint'));
    expect(edited.length).toBeGreaterThan(0);
    expect(edited.some((finding) => finding.message.endsWith('(kept)'))).toBe(false);
  });

  it('reads every script again when a lint setting or a flag changes', async () => {
    const project = setup();
    await project.findings('lint');
    project.tamper('(kept)');
    const fresh = (found: Finding[]) => found.every((finding) => !finding.message.endsWith('(kept)'));
    expect(fresh(await project.findings('lint', '--postgresql-version', '12'))).toBe(true);
    project.tamper('(kept)');
    project.edit('sqlgen.config.json', JSON.stringify({ dialect: 'postgresql', lint: { rules: { 'require-statement-timeout': 'off' } } }));
    expect(fresh(await project.findings('lint'))).toBe(true);
  });
});
