import 'server-only';
import type { Metadata } from 'next';
import { localeTools } from '../i18n/request-locale';
import type { MessageKey } from '../i18n/translator';

/** The query string of a page as Next gives it. */
export type Search = Record<string, string | string[] | undefined>;

/** What Next gives a page under `[locale]`: its route parameters (`P` besides the locale) and its query string. */
export interface PageProps<P extends object = object> {
  params: Promise<{ locale: string } & P>;
  searchParams: Promise<Search>;
}

/** `generateMetadata` of a page whose title is one message. */
export function titled(key: MessageKey) {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
    const { t } = await localeTools(params);
    return { title: t(key) };
  };
}
