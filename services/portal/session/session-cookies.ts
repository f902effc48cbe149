/** Names of the cookies that hold the visitor's gateway tokens (httpOnly: never readable by page scripts). */
export const ACCESS_COOKIE = 'ogp_at';
export const REFRESH_COOKIE = 'ogp_rt';
export const CSRF_COOKIE = 'ogp_csrf';

/** How long the refresh cookie lives; the gateway's own refresh TTL (30 days by default) decides first. */
export const REFRESH_COOKIE_MAX_AGE = 30 * 24 * 3600;

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge?: number;
}

export function tokenCookieOptions(secure: boolean, maxAge?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(maxAge === undefined ? {} : { maxAge }) };
}

/** The access cookie expires a little before the token, so an expired token is never sent. */
export function accessCookieMaxAge(expiresInSeconds: number): number {
  return Math.max(1, Math.floor(expiresInSeconds) - 15);
}
