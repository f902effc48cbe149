import { AccessClaims } from './auth.service';

/** Claims as jsonwebtoken returns them: the signed claims and the expiry it checked (seconds since 1970). */
export type VerifiedClaims = AccessClaims & { exp: number };

const MAX_TOKENS = 10000;

/**
 * Access tokens whose signature was verified, with their claims, until they expire. A token's
 * string, signature included, is the key: a token differing in any byte is verified afresh. A hit
 * spares the HMAC, the JSON parsing and passport's machinery (about a sixth of the gateway's CPU on
 * an authenticated read); the session check that follows verification runs on every request as
 * before, so logout and deactivation end access exactly as they did.
 */
export class VerifiedTokens {
  private readonly claims = new Map<string, VerifiedClaims>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The claims of a token verified before and not expired now; undefined otherwise. */
  get(token: string): VerifiedClaims | undefined {
    const claims = this.claims.get(token);
    if (!claims) return undefined;
    // jsonwebtoken's own rule: expired once the current second reaches exp.
    if (Math.floor(this.now() / 1000) >= claims.exp) {
      this.claims.delete(token);
      return undefined;
    }
    return claims;
  }

  /** Remembers a token that passed verification (bounded: full, the map starts over). */
  remember(token: string, claims: VerifiedClaims): void {
    if (typeof claims.exp !== 'number') return; // a token without an expiry is never remembered
    if (this.claims.size >= MAX_TOKENS) this.claims.clear();
    this.claims.set(token, claims);
  }

  get size(): number {
    return this.claims.size;
  }
}
