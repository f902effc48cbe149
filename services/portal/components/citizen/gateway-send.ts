import 'server-only';
import { cookies, headers } from 'next/headers';
import { portalConfig } from '../../config/portal-config';
import { GatewayError } from '../../gateway/gateway-error';
import { Locale } from '../../i18n/locales';
import { ACCESS_COOKIE } from '../../session/session-cookies';

export type SendOutcome<T> = { ok: true; status: number; data: T } | { ok: false; error: GatewayError };

/**
 * A write to the gateway from a server action, as the signed-in visitor (token from the httpOnly
 * cookie) or anonymously (registration, password reset). The gateway's error comes back as a value
 * with its message in the reader's language; an unreachable gateway is a 503 of the same shape.
 */
export async function sendToGateway<T = unknown>(
  locale: Locale,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { anonymous?: boolean; idempotencyKey?: string } = {},
): Promise<SendOutcome<T>> {
  const token = options.anonymous ? undefined : (await cookies()).get(ACCESS_COOKIE)?.value;
  const forwardedFor = (await headers()).get('x-forwarded-for') ?? undefined;
  const res = await fetch(`${portalConfig().gatewayUrl}${path}`, {
    method,
    headers: {
      'accept-language': locale,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    signal: AbortSignal.timeout(15000),
  }).catch(() => null);
  if (!res) return { ok: false, error: new GatewayError(503, 'UNAVAILABLE', '') };
  if (!res.ok) return { ok: false, error: await GatewayError.from(res) };
  const text = await res.text();
  return { ok: true, status: res.status, data: (text ? JSON.parse(text) : null) as T };
}
