import { readdirSync } from 'node:fs';

/** What `action` throws; fails the test when it throws nothing. */
export function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** The names in `output`, without old bundles set aside that a background process is still removing. */
export function outputNames(output: string): string[] {
  return readdirSync(output)
    .filter((name) => !/\.partial-[A-Za-z0-9]+(\.tar\.gz)?\.previous$/.test(name))
    .sort();
}

/** Waits until the old bundles set aside in `output` are removed; fails after `timeoutMs`. */
export async function settledOutput(output: string, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  while (readdirSync(output).length !== outputNames(output).length) {
    if (Date.now() > deadline) throw new Error(`${output}: old bundles still set aside after ${timeoutMs} ms: ${readdirSync(output).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readdirSync(output).sort();
}
