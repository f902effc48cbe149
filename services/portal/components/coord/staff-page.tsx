import 'server-only';
import type { ReactElement } from 'react';
import { gateway } from '../../gateway/gateway-client';
import { isUuid, readOrMissing } from '../../gateway/read-or-missing';
import type { Formatter } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import { localeTools } from '../../i18n/request-locale';
import type { PageProps, Search } from '../page-props';
import type { Translate } from '../../i18n/translator';
import { NotFoundView } from '../not-found-view';
import { NotAllowed, staffAccount, StaffRole } from './staff-access';

/** What a staff page is given: its route parameters and, when it reads one, its query string. */
export type StaffPageProps<P extends object = object> = Pick<PageProps<P>, 'params'> & Partial<PageProps<P>>;

/** The coordination team's pages: coordinators and admins. */
export const COORDINATION_ROLES: StaffRole[] = ['coordinator', 'admin'];

export type GatewayUser = Awaited<ReturnType<typeof gateway.user>>;

/** An opened staff page: its language tools, its query string and the gateway acting as the visitor. */
export interface StaffPage {
  view?: undefined;
  locale: Locale;
  t: Translate;
  f: Formatter;
  search: Search;
  api: GatewayUser;
}

/** What a staff page shows in its place: <NotAllowed> or <NotFoundView>. */
export interface Refused {
  view: ReactElement;
}

/**
 * Opens a staff page at `path` (below the locale) for `roles`: a visitor is sent to log in, a
 * person without the role gets <NotAllowed> as `view`.
 */
export async function openStaffPage(
  props: StaffPageProps,
  path: string,
  roles: StaffRole[],
): Promise<StaffPage | Refused> {
  const { locale, t, f } = await localeTools(props.params);
  const search = (await props.searchParams) ?? {};
  if (!(await staffAccount(locale, path, roles))) return { view: <NotAllowed locale={locale} t={t} /> };
  return { locale, t, f, search, api: await gateway.user(locale) };
}

/**
 * Opens a staff page about one record (`[id]` in the route): as `openStaffPage`, then the id must be
 * an id and `read` must find the record, else <NotFoundView> as `view`.
 */
export async function openStaffRecord<T>(
  props: StaffPageProps<{ id: string }>,
  path: (id: string) => string,
  roles: StaffRole[],
  read: (api: GatewayUser, id: string, search: Search) => Promise<T>,
): Promise<(StaffPage & { id: string; record: T }) | Refused> {
  const { id } = await props.params;
  const page = await openStaffPage(props, path(id), roles);
  if (page.view) return page;
  const notFound = { view: <NotFoundView locale={page.locale} t={page.t} /> };
  if (!isUuid(id)) return notFound;
  const record = await readOrMissing(read(page.api, id, page.search));
  return record ? { ...page, id, record } : notFound;
}
