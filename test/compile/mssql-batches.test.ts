import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const GOLDEN = path.join(REPO_ROOT, 'test/golden');
/** Statements SQL Server accepts only as the first statement of a batch. */
const BATCH_FIRST = /^(?:CREATE|ALTER)\s+(?:OR\s+ALTER\s+)?(?:VIEW|PROC|PROCEDURE|FUNCTION|TRIGGER|SCHEMA)\b/i;

const mssqlGoldens = readdirSync(GOLDEN, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|\/)mssql\.[^/]+\.sql$/.test(file));

/** The statements of each `GO`-separated batch, comments and blank lines left out. */
function batches(script: string): string[][] {
  return script.split(/^GO$/m).map((batch) =>
    batch
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('--'))
      .join('\n')
      .split(/;\n/)
      .map((statement) => statement.trim())
      .filter((statement) => statement !== ''),
  );
}

describe('SQL Server golden scripts', () => {
  it('there are some to check', () => {
    expect(mssqlGoldens.length).toBeGreaterThanOrEqual(4);
  });

  it.each(mssqlGoldens)('%s: CREATE VIEW, PROCEDURE, FUNCTION, TRIGGER and SCHEMA each start a batch', (file) => {
    const misplaced = batches(readFileSync(path.join(GOLDEN, file), 'utf8')).flatMap((statements) => statements.slice(1).filter((statement) => BATCH_FIRST.test(statement)));
    expect(misplaced).toEqual([]);
  });
});
