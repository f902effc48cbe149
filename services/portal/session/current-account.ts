import 'server-only';
import { createHash } from 'node:crypto';
import { cookies } from 'next/headers';
import { portalConfig } from '../config/portal-config';
import { ACCESS_COOKIE } from './session-cookies';

/** The signed-in visitor as the gateway describes them (GET /auth/me). */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  language: 'ar' | 'fr' | 'en';
}

// Keyed by a hash of the token, never the token itself; a few seconds spare the gateway one call per page.
const recent = new Map<string, { at: number; account: Account | null }>();

/** Who is signed in, or null. The token stays on the server. */
export async function currentAccount(): Promise<Account | null> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return null;
  const key = createHash('sha256').update(token).digest('base64url');
  const now = Date.now();
  const hit = recent.get(key);
  if (hit && now - hit.at < 10_000) return hit.account;
  const res = await fetch(`${portalConfig().gatewayUrl}/auth/me`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  }).catch(() => null);
  const account = res?.ok ? ((await res.json()) as Account) : null;
  if (recent.size > 5000) recent.clear();
  recent.set(key, { at: now, account });
  return account;
}
