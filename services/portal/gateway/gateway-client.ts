import 'server-only';
import createClient from 'openapi-fetch';
import { cookies } from 'next/headers';
import { portalConfig } from '../config/portal-config';
import { Locale } from '../i18n/locales';
import { ACCESS_COOKIE } from '../session/session-cookies';
import { GatewayError } from './gateway-error';
import type { paths } from './openapi';
import { CachedAnswer, PublicReadCache } from './public-read-cache';

type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type QueryValue = string | number | boolean | undefined | null;
export interface ReadOptions {
  path?: Record<string, string>;
  query?: Record<string, QueryValue | QueryValue[]>;
}

const publicCache = new PublicReadCache(1000);

/** fetch for anonymous GETs: shared for a second between visitors (see PublicReadCache). */
const cachedFetch = async (input: Request): Promise<Response> => {
  if (input.method !== 'GET') return fetch(input, { cache: 'no-store' });
  const key = `${input.headers.get('accept-language')} ${input.url}`;
  const answer = await publicCache.read(key, async (): Promise<CachedAnswer> => {
    const res = await fetch(input, { cache: 'no-store' });
    const body = await res.arrayBuffer();
    if (res.status >= 500) throw new GatewayError(res.status, 'UPSTREAM', res.statusText);
    return { status: res.status, headers: [...res.headers.entries()], body };
  });
  return new Response(answer.body.slice(0), { status: answer.status, headers: answer.headers });
};

function client(locale: Locale, token: string | null) {
  return createClient<paths>({
    baseUrl: portalConfig().gatewayUrl,
    headers: { 'accept-language': locale, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    fetch: token ? (input: Request) => fetch(input, { cache: 'no-store' }) : cachedFetch,
  });
}

/**
 * The gateway, from the server only: `public` reads anonymously (cached a second, the same for
 * every visitor), `user` acts with the visitor's access token taken from the httpOnly cookie.
 * Paths are checked against the gateway's OpenAPI document; answers are typed by the caller's view.
 */
export const gateway = {
  async public(locale: Locale) {
    return reader(client(locale, null));
  },
  async user(locale: Locale) {
    const token = (await cookies()).get(ACCESS_COOKIE)?.value ?? null;
    return { ...reader(client(locale, token)), raw: client(locale, token), signedIn: token !== null };
  },
};

function reader(api: ReturnType<typeof client>) {
  return {
    /** GET a JSON answer; a gateway error becomes a GatewayError (404 stays a value the page can test). */
    async get<T>(path: GetPath, options: ReadOptions = {}): Promise<T> {
      // The document does not declare every query parameter yet: the options are passed as given.
      const { data, error, response } = await (
        api.GET as (p: string, o: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>
      )(path, {
        params: { path: options.path, query: options.query },
      });
      if (error !== undefined || !response.ok) {
        const body = error as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
        throw new GatewayError(
          response.status,
          body?.error?.code ?? 'UNKNOWN',
          body?.error?.message ?? response.statusText,
          body?.error?.details,
        );
      }
      return data as T;
    },
  };
}
