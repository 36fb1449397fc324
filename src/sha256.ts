import { createHash } from 'node:crypto';

/**
 * The SHA-256 of `bytes` (a string is hashed as UTF-8), as lowercase hex.
 *
 * @example sha256Hex('') // 'e3b0c442...b855'
 */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
