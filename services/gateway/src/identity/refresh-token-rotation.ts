import { timingSafeEqual } from 'node:crypto';

/** What a refresh finds: the token's row with its session's revocation. */
export interface RefreshTokenState {
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** `valid`: rotate it; `reused`: it was used before, so stolen or replayed, and the session ends; `invalid`: refuse. */
export type RefreshVerdict = 'valid' | 'reused' | 'invalid';

/**
 * Refresh tokens rotate: `<token id>.<secret>`, each good for one use before it expires, in a
 * session not revoked. Only the secret's SHA-256 is stored; it is compared in constant time.
 */
export const RefreshTokenRotation = {
  parse(token: string): { id: string; secret: string } | null {
    const [id, secret] = token.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { id, secret };
  },

  verdict(state: RefreshTokenState | undefined, secretHash: string, now: Date): RefreshVerdict {
    if (!state || !sameHash(state.token_hash, secretHash) || state.revoked_at) return 'invalid';
    if (state.used_at) return 'reused';
    if (new Date(state.expires_at).getTime() <= now.getTime()) return 'invalid';
    return 'valid';
  },
};

function sameHash(storedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(storedHex, 'hex');
  const given = Buffer.from(givenHex, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
