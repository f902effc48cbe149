import { createHash } from 'node:crypto';

/** Hex SHA-256: how secrets (refresh and reset tokens, rate-limit keys of addresses) are stored and compared. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
