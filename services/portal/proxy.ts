import { NextRequest, NextResponse } from 'next/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './i18n/locales';
import { splitLocale } from './i18n/localized-path';
import { contentSecurityPolicy } from './security/content-security-policy';
import { NONCE_HEADER, PATH_HEADER } from './security/request-headers';
import { newCsrfSeed } from './session/csrf';
import {
  ACCESS_COOKIE,
  accessCookieMaxAge,
  CSRF_COOKIE,
  REFRESH_COOKIE,
  REFRESH_COOKIE_MAX_AGE,
  tokenCookieOptions,
} from './session/session-cookies';
import { refreshTokens } from './session/token-refresh';

/**
 * Before every page: a path without a language goes to the visitor's language (cookie, else Arabic);
 * the CSRF seed cookie is issued; an expired access token is refreshed on the server (the new tokens
 * go back as httpOnly cookies, never to page scripts); a fresh CSP nonce is set.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const { locale } = splitLocale(pathname);
  if (!locale) {
    const preferred = request.cookies.get(LOCALE_COOKIE)?.value;
    const target = request.nextUrl.clone();
    target.pathname = `/${isLocale(preferred) ? preferred : DEFAULT_LOCALE}${pathname === '/' ? '' : pathname}`;
    return NextResponse.redirect(target, 307);
  }

  const secure = process.env.PORTAL_COOKIE_SECURE
    ? process.env.PORTAL_COOKIE_SECURE === 'true'
    : process.env.NODE_ENV === 'production';
  const set: { name: string; value: string; maxAge: number }[] = [];
  if (!request.cookies.get(CSRF_COOKIE)?.value) set.push({ name: CSRF_COOKIE, value: newCsrfSeed(), maxAge: 0 });

  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (refreshToken && !request.cookies.get(ACCESS_COOKIE)?.value) {
    const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
    const outcome = await refreshTokens(gatewayUrl, refreshToken);
    if (outcome.ok) {
      set.push({
        name: ACCESS_COOKIE,
        value: outcome.tokens.accessToken,
        maxAge: accessCookieMaxAge(outcome.tokens.expiresIn),
      });
      set.push({ name: REFRESH_COOKIE, value: outcome.tokens.refreshToken, maxAge: REFRESH_COOKIE_MAX_AGE });
    } else if (outcome.final) {
      set.push({ name: REFRESH_COOKIE, value: '', maxAge: -1 });
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
  });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set('content-security-policy', csp);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  if (set.length) {
    // The page rendered for this very request sees the new cookies too.
    for (const c of set) {
      if (c.maxAge < 0) request.cookies.delete(c.name);
      else request.cookies.set(c.name, c.value);
    }
    headers.set('cookie', request.cookies.toString());
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  for (const c of set) {
    response.cookies.set(
      c.name,
      c.value,
      tokenCookieOptions(secure, c.maxAge === 0 ? undefined : Math.max(c.maxAge, 0)),
    );
  }
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|robots.txt|health|language|files).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
