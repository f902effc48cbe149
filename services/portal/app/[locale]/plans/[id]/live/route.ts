import { cookies, headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { portalConfig } from '../../../../../config/portal-config';
import { isUuid } from '../../../../../gateway/read-or-missing';
import { isLocale } from '../../../../../i18n/locales';
import { ACCESS_COOKIE } from '../../../../../session/session-cookies';

export const dynamic = 'force-dynamic';

/**
 * The plan's live progress (server-sent events), relayed from the gateway so that the page needs
 * no other origin (CSP connect-src 'self') and the session cookie stays here. The visitor's IP and,
 * when signed in, their token go along: the gateway bounds the streams per visitor. The upstream
 * stream ends when the visitor goes (the request's signal).
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string; id: string }> },
): Promise<Response> {
  const { locale, id } = await params;
  if (!isLocale(locale) || !isUuid(id)) return new Response(null, { status: 404 });
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  const forwardedFor = (await headers()).get('x-forwarded-for');
  const lastEventId = request.headers.get('last-event-id');
  const upstream = await fetch(`${portalConfig().gatewayUrl}/plans/${id}/live`, {
    cache: 'no-store',
    signal: request.signal,
    headers: {
      accept: 'text/event-stream',
      'accept-language': locale,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      ...(lastEventId && /^\d{1,15}$/.test(lastEventId) ? { 'last-event-id': lastEventId } : {}),
    },
  }).catch(() => null);
  if (!upstream) return new Response(null, { status: 503, headers: { 'retry-after': '5' } });
  // A refusal (429, 404) ends the browser's EventSource: the page stays as rendered.
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    return new Response(null, {
      status: upstream.status,
      headers: upstream.headers.get('retry-after')
        ? { 'retry-after': upstream.headers.get('retry-after') as string }
        : {},
    });
  }
  return new Response(upstream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    },
  });
}
