import { portalConfig } from '../../../config/portal-config';

/** Readiness: the portal can reach the gateway it renders from. */
export async function GET(): Promise<Response> {
  const res = await fetch(`${portalConfig().gatewayUrl}/health/live`, {
    cache: 'no-store',
    signal: AbortSignal.timeout(2000),
  }).catch(() => null);
  const ok = res?.ok === true;
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', gateway: ok ? 'up' : 'down' },
    { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
