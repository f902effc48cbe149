'use server';
import { redirect } from 'next/navigation';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale, formText } from '../citizen/form-input';
import { expiredFormState, failureState, accountFields } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = ['admin', 'coordinator', 'project_manager', 'committee_member', 'cso', 'citizen'];

/** The checked scope boxes of a form: `institution-<id>` and `programme-<id>` (at most 50 each, as the gateway bounds them). */
function scopesOf(form: FormData): { institutions: string[]; programmes: string[] } {
  const pick = (prefix: string) =>
    [...form.keys()]
      .filter((k) => k.startsWith(prefix) && form.get(k) === 'true')
      .map((k) => k.slice(prefix.length))
      .filter((id) => UUID.test(id))
      .slice(0, 50);
  return { institutions: pick('institution-'), programmes: pick('programme-') };
}

/** Creates a staff account with one role and its scope; the new account's page opens. */
export async function createAccount(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = {
    displayName: formText(form, 'displayName', 200),
    email: formText(form, 'email', 300),
    role: formText(form, 'role', 20),
    language: formText(form, 'language', 2),
  };
  const password = String(form.get('password') ?? '');
  const scopes = scopesOf(form);
  // The ticked scope boxes come back ticked after a refusal.
  for (const id of scopes.programmes) (values as Record<string, string>)[`programme-${id}`] = 'true';
  for (const id of scopes.institutions) (values as Record<string, string>)[`institution-${id}`] = 'true';
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const fieldErrors: Record<string, string> = {};
  if (!values.displayName) fieldErrors.displayName = t('auth.required');
  if (!values.email) fieldErrors.email = t('auth.required');
  if (!password) fieldErrors.password = t('auth.required');
  if (!ROLES.includes(values.role)) fieldErrors.role = t('auth.required');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const sent = await sendToGateway<{ id: string }>(locale, 'POST', '/accounts', {
    email: values.email,
    password,
    displayName: values.displayName,
    roles: [values.role],
    scopes,
    ...(['ar', 'fr', 'en'].includes(values.language) ? { language: values.language } : {}),
  });
  if (!sent.ok) {
    return failureState(locale, sent.error, {
      values,
      passwordField: 'password',
      fields: accountFields(t),
    });
  }
  redirect(`/${locale}/admin/accounts/${sent.data.id}?created=1`);
}

/** Changes the role and the scope of an account (its sessions end: the gateway revokes them). */
export async function changeAccountAccess(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'accountId', 40);
  const role = formText(form, 'role', 20);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  if (!UUID.test(id)) return { message: t('error.notFoundBody') };
  if (!ROLES.includes(role)) return { message: t('citizen.form.fixErrors'), fieldErrors: { role: t('auth.required') } };
  const sent = await sendToGateway(locale, 'PATCH', `/accounts/${id}`, { roles: [role], scopes: scopesOf(form) });
  if (!sent.ok) return failureState(locale, sent.error);
  redirect(`/${locale}/admin/accounts/${id}?changed=access`);
}

/** Deactivates (its sessions end at once) or reactivates an account. */
export async function setAccountActive(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const id = formText(form, 'accountId', 40);
  const to = formText(form, 'to', 12);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  if (!UUID.test(id) || (to !== 'deactivate' && to !== 'reactivate')) return { message: t('error.notFoundBody') };
  const sent = await sendToGateway(locale, 'POST', `/accounts/${id}/${to}`);
  if (!sent.ok) return failureState(locale, sent.error);
  redirect(`/${locale}/admin/accounts/${id}?changed=${to}`);
}
