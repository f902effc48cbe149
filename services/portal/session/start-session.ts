import 'server-only';
import { cookies } from 'next/headers';
import { portalConfig } from '../config/portal-config';
import {
  ACCESS_COOKIE,
  accessCookieMaxAge,
  REFRESH_COOKIE,
  REFRESH_COOKIE_MAX_AGE,
  tokenCookieOptions,
} from './session-cookies';
import type { TokenPair } from './token-refresh';

/** A session begins (log-in, or an account just opened): its tokens go to the httpOnly cookies. */
export async function startSession(tokens: TokenPair): Promise<void> {
  const secure = portalConfig().secureCookies;
  const jar = await cookies();
  jar.set(ACCESS_COOKIE, tokens.accessToken, tokenCookieOptions(secure, accessCookieMaxAge(tokens.expiresIn)));
  jar.set(REFRESH_COOKIE, tokens.refreshToken, tokenCookieOptions(secure, REFRESH_COOKIE_MAX_AGE));
}
