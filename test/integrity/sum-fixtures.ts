import { createHash } from 'node:crypto';
import type { SumEntry } from '../../src/integrity/sum-file.js';

export const SUM = 'revisions/sqlgen.sum';

/** The entry for `revisions/<id>_x.ts` holding `content`. */
export function entry(id: string, content = `revision ${id}\n`): SumEntry {
  return { file: `revisions/${id}_x.ts`, sha256: createHash('sha256').update(content).digest('hex') };
}

export function entries(...ids: string[]): SumEntry[] {
  return ids.map((id) => entry(id));
}
