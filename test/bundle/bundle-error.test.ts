import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/failure.js';
import { BundleError, ExitCode, type BundleErrorCode } from '../../src/errors.js';

describe('BundleError', () => {
  it.each<[BundleErrorCode, number]>([
    ['BUNDLE_INVALID', ExitCode.input],
    ['KEY_INVALID', ExitCode.input],
    ['ARCHIVE_INVALID', ExitCode.input],
    ['CHECKSUM_MISMATCH', ExitCode.findings],
    ['SIGNATURE_INVALID', ExitCode.findings],
  ])('%s exits with %i: unusable input is 2, a failed check is 1', (code, exitCode) => {
    const error = new BundleError(code, 'bundle/manifest.json: problem', 'a hint', { file: 'bundle/manifest.json' });
    expect(error.exitCode).toBe(exitCode);
    expect(describeFailure(error, false)).toEqual({ code, message: 'bundle/manifest.json: problem', hint: 'a hint', file: 'bundle/manifest.json', exitCode, details: { name: 'BundleError' } });
  });
});
