'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { verifyCsrf } from '../../session/verify-csrf';
import { formLocale } from './form-input';
import { sendToGateway } from './gateway-send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marks the notifications named in the form (one or all shown) as read, then shows the list again. */
export async function markNotificationsRead(form: FormData): Promise<void> {
  const locale = formLocale(form);
  const ids = form
    .getAll('id')
    .filter((v): v is string => typeof v === 'string' && UUID.test(v))
    .slice(0, 100);
  if (ids.length && (await verifyCsrf(form))) await sendToGateway(locale, 'POST', '/me/notifications/read', { ids });
  // The header's unread count is part of the layout: refresh it too.
  revalidatePath('/', 'layout');
  redirect(`/${locale}/me/notifications`);
}
