/** A token pair as the gateway answers /auth/login and /auth/refresh. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

export type RefreshOutcome = { ok: true; tokens: TokenPair } | { ok: false; final: boolean };

const inFlight = new Map<string, { at: number; outcome: Promise<RefreshOutcome> }>();

/**
 * Exchanges a refresh token for a new pair. The gateway rotates refresh tokens and treats reuse as
 * theft, so concurrent requests of one browser (several tabs, parallel loads) must not each spend the
 * same token: one exchange per token, its outcome shared for 30 s.
 */
export function refreshTokens(gatewayUrl: string, refreshToken: string, now = Date.now()): Promise<RefreshOutcome> {
  for (const [key, entry] of inFlight) if (now - entry.at > 30_000) inFlight.delete(key);
  const existing = inFlight.get(refreshToken);
  if (existing) return existing.outcome;
  const outcome = exchange(gatewayUrl, refreshToken);
  inFlight.set(refreshToken, { at: now, outcome });
  return outcome;
}

async function exchange(gatewayUrl: string, refreshToken: string): Promise<RefreshOutcome> {
  try {
    const res = await fetch(`${gatewayUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) return { ok: true, tokens: (await res.json()) as TokenPair };
    // 4xx: the token is spent, expired or revoked; 5xx: try again on a later request.
    return { ok: false, final: res.status < 500 };
  } catch {
    return { ok: false, final: false };
  }
}
