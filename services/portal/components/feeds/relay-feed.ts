import 'server-only';
import { portalConfig } from '../../config/portal-config';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** The only gateway paths relayed: public feeds, and the personal calendar whose token is its key. */
const ALLOWED = [
  new RegExp(`^calendars/plans/${UUID}/deadlines\\.ics$`),
  new RegExp(`^calendars/cycles/${UUID}/events\\.ics$`),
  /^calendars\/personal\/[A-Za-z0-9_-]{43}\/deadlines\.ics$/,
  new RegExp(
    `^open-data/(plans/${UUID}/(commitments|activities)|cycles/${UUID}/(ideas|statistics))\\.(csv|json|xlsx)$`,
  ),
  /^open-data\/publications\/(ar|fr|en)\.atom$/,
  /^open-data\/dictionary$/,
];
const PASSED_BACK = [
  'content-type',
  'content-disposition',
  'content-length',
  'content-language',
  'etag',
  'last-modified',
  'cache-control',
  'vary',
];

/**
 * A feed streamed from the gateway as it answers: its caching headers pass both ways (If-None-Match
 * in, ETag and 304 out), so calendar apps and feed readers revalidate cheaply; the private calendar
 * keeps the gateway's `no-store`.
 */
export async function relayFeed(request: Request, path: string): Promise<Response> {
  if (!ALLOWED.some((pattern) => pattern.test(path)))
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const lang = new URL(request.url).searchParams.get('lang');
  const query = lang && /^(ar|fr|en)$/.test(lang) ? `?lang=${lang}` : '';
  const forward: Record<string, string> = {};
  for (const name of ['if-none-match', 'accept-language']) {
    const value = request.headers.get(name);
    if (value) forward[name] = value;
  }
  const res = await fetch(`${portalConfig().gatewayUrl}/${path}${query}`, {
    headers: forward,
    cache: 'no-store',
  }).catch(() => null);
  if (!res)
    return new Response('gateway unavailable', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const headers = new Headers({
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  for (const name of PASSED_BACK) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(res.status === 304 ? null : res.body, { status: res.status, headers });
}
