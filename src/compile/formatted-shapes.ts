import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_INFO } from '../package-info.js';
import { cacheFolder } from '../cache-file.js';

/** A formatted shape cut at its identifiers, or null when sql-formatter could not format it. */
export type ShapeParts = readonly string[] | null;

/**
 * Formatted statement shapes (see statementFormatter), kept between runs so that a warm run does
 * not load sql-formatter at all: loading it takes about 80 ms and formatting the first shapes
 * while it warms up as much again, and a project's shapes rarely change.
 *
 * One append-only file per dialect and format settings, in the folder of the transpile cache
 * and named by a hash of everything the parts depend on. Each new shape adds one line
 * `[shape, parts]`, so there is nothing to save at the end and concurrent runs only add lines;
 * a line that does not parse is skipped. Like the transpile cache it is an optimisation only:
 * unreadable or unwritable means formatting again, and `SQLGEN_NO_CACHE=1` turns it off.
 */
export class FormattedShapes {
  private constructor(
    private readonly file: string | null,
    private readonly shapes: Map<string, ShapeParts>,
  ) {}

  /** The shapes formatted before with the same `identity` (dialect, settings). */
  static open(identity: Record<string, unknown>, env: NodeJS.ProcessEnv): FormattedShapes {
    const folder = cacheFolder(env);
    if (!folder) return new FormattedShapes(null, new Map());
    const stamp = JSON.stringify({ sqlgen: PACKAGE_INFO.version, sqlFormatter: PACKAGE_INFO.dependencies['sql-formatter'], ...identity });
    const file = path.join(folder, `formatted-${createHash('sha256').update(stamp).digest('hex').slice(0, 16)}.jsonl`);
    return new FormattedShapes(file, readShapes(file));
  }

  get(shape: string): ShapeParts | undefined {
    return this.shapes.get(shape);
  }

  add(shape: string, parts: ShapeParts): void {
    this.shapes.set(shape, parts);
    if (!this.file) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, JSON.stringify([shape, parts]) + '\n');
    } catch {
      // A read-only home or a full disk only costs speed next time.
    }
  }
}

function readShapes(file: string): Map<string, ShapeParts> {
  const shapes = new Map<string, ShapeParts>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return shapes;
  }
  for (const line of text.split('\n')) {
    const entry = parseEntry(line);
    if (entry) shapes.set(entry[0], entry[1]);
  }
  return shapes;
}

function parseEntry(line: string): [string, ShapeParts] | undefined {
  try {
    const [shape, parts] = JSON.parse(line) as unknown[];
    const valid = typeof shape === 'string' && (parts === null || (Array.isArray(parts) && parts.every((part) => typeof part === 'string')));
    return valid ? [shape, parts as ShapeParts] : undefined;
  } catch {
    return undefined;
  }
}
