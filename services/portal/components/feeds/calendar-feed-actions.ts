'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from '../citizen/citizen-form-state';
import { formLocale } from '../citizen/form-input';
import { expiredFormState, failureState } from '../citizen/form-outcome';
import { sendToGateway } from '../citizen/gateway-send';
import { FEEDS_BASE } from './feed-paths';
import type { CalendarFeedView } from './feed-views';

/** Creates the private calendar feed, or replaces it (the old link stops working); its link is shown this once. */
export async function issueCalendarFeed(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const issued = await sendToGateway<CalendarFeedView>(locale, 'POST', '/me/calendar-feed');
  if (!issued.ok) return failureState(locale, issued.error);
  revalidatePath(`/${locale}/me/settings`);
  // Calendar apps need the whole address: this portal's, as the visitor reached it.
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? '';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  const url = `${proto}://${host}${FEEDS_BASE}${issued.data.path}?lang=${locale}`;
  return {
    done: t('feeds.settings.issued'),
    links: [{ href: url, label: url }],
    linksTitle: t('feeds.settings.linkTitle'),
  };
}

export async function revokeCalendarFeed(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  if (!(await verifyCsrf(form))) return expiredFormState(locale);
  const revoked = await sendToGateway(locale, 'DELETE', '/me/calendar-feed');
  if (!revoked.ok) return failureState(locale, revoked.error);
  revalidatePath(`/${locale}/me/settings`);
  return { done: t('feeds.settings.revoked') };
}
