import 'server-only';
import { portalConfig } from '../config/portal-config';

const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'etag', 'last-modified'];

/**
 * A public file the gateway serves (evidence, open-data report), streamed through the portal so
 * the browser never needs the gateway's address. Only GET paths built by the portal reach here.
 */
export async function relayDownload(path: string): Promise<Response> {
  const res = await fetch(`${portalConfig().gatewayUrl}${path}`, { cache: 'no-store' }).catch(() => null);
  if (!res)
    return new Response('gateway unavailable', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const headers = new Headers({ 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=60' });
  for (const name of PASSED_HEADERS) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  // A download, never rendered inline as this site's page.
  if (!headers.get('content-disposition')?.startsWith('attachment')) headers.set('content-disposition', 'attachment');
  headers.set('content-security-policy', "default-src 'none'; sandbox");
  return new Response(res.ok ? res.body : null, { status: res.status, headers });
}
