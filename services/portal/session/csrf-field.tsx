import { cookies } from 'next/headers';
import { portalConfig } from '../config/portal-config';
import { CSRF_FIELD, csrfToken } from './csrf';
import { CSRF_COOKIE } from './session-cookies';

/** The hidden field every state-changing form carries (see csrf.ts). */
export async function CsrfField() {
  const seed = (await cookies()).get(CSRF_COOKIE)?.value;
  return <input type="hidden" name={CSRF_FIELD} value={seed ? csrfToken(seed, portalConfig().secret) : ''} />;
}
