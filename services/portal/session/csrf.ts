import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF: a signed double-submit token. A random value lives in the httpOnly `ogp_csrf` cookie (set by
 * proxy.ts); every state-changing form carries HMAC-SHA256(PORTAL_SECRET, value) in a hidden field, and
 * the server action recomputes and compares it. A page on another site can neither read the cookie nor
 * compute the signature. This is on top of Next's own check of the Origin header on server actions.
 */
export const CSRF_FIELD = 'csrf';

export function newCsrfSeed(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfToken(seed: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url');
}

export function csrfTokenMatches(seed: string | undefined, submitted: unknown, secret: string): boolean {
  if (!seed || typeof submitted !== 'string' || submitted.length > 100) return false;
  const expected = Buffer.from(csrfToken(seed, secret));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
