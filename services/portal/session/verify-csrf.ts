import 'server-only';
import { cookies } from 'next/headers';
import { portalConfig } from '../config/portal-config';
import { CSRF_FIELD, csrfTokenMatches } from './csrf';
import { CSRF_COOKIE } from './session-cookies';

/** Whether a submitted form carries the visitor's CSRF token; every server action that changes state calls it first. */
export async function verifyCsrf(form: FormData): Promise<boolean> {
  const seed = (await cookies()).get(CSRF_COOKIE)?.value;
  return csrfTokenMatches(seed, form.get(CSRF_FIELD), portalConfig().secret);
}
