import { NextRequest, NextResponse } from 'next/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '../../i18n/locales';
import { safeLocalPath } from '../../i18n/localized-path';

/** The language switcher: remembers the choice for a year and goes back to the same page in that language. */
export function GET(request: NextRequest): NextResponse {
  const to = request.nextUrl.searchParams.get('to');
  const locale = isLocale(to) ? to : DEFAULT_LOCALE;
  const next = safeLocalPath(request.nextUrl.searchParams.get('next'), `/${locale}`);
  const target =
    next === `/${locale}` || next.startsWith(`/${locale}/`) || next.startsWith(`/${locale}?`) ? next : `/${locale}`;
  const response = new NextResponse(null, { status: 303, headers: { location: target, 'cache-control': 'no-store' } });
  response.cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: process.env.PORTAL_COOKIE_SECURE
      ? process.env.PORTAL_COOKIE_SECURE === 'true'
      : process.env.NODE_ENV === 'production',
  });
  return response;
}
