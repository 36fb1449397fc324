import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_TEMPLATES_DIR, renderCodeTemplate } from '../../src/output/templates.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/** The strictest settings a team is likely to type-check its revisions with. */
const STRICT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  paths: { sqlgen: [path.join(REPO_ROOT, 'src/index.ts')] },
};

const CONTEXTS = {
  plain: { id: 'aaaa0001', parents: [], message: 'first', dependsOn: [], branchLabels: [], isMerge: false, dialect: null },
  labelled: { id: 'aaaa0002', parents: ['aaaa0001'], message: 'a "quoted" change', dependsOn: ['aaaa0001'], branchLabels: ['side'], isMerge: false, dialect: null },
  merge: { id: 'aaaa0003', parents: ['aaaa0001', 'aaaa0002'], message: 'join', dependsOn: [], branchLabels: [], isMerge: true, dialect: null },
};

function diagnostics(extension: 'ts' | 'js'): string[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'sqlgen-templates-'));
  writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  const files = Object.entries(CONTEXTS).map(([name, context]) => {
    const file = path.join(folder, `${context.id}_${name}.${extension}`);
    writeFileSync(file, renderCodeTemplate(path.join(BUILT_IN_TEMPLATES_DIR, `revision.${extension}.hbs`), context));
    return file;
  });
  const program = ts.createProgram(files, STRICT_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `${path.basename(diagnostic.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('the revision templates', () => {
  test.each(['ts', 'js'] as const)('revision.%s.hbs type-checks under strict, noUnusedParameters and noUnusedLocals', (extension) => {
    expect(diagnostics(extension)).toEqual([]);
  });
});
