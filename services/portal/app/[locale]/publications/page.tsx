import { Localized } from '../../../components/localized';
import { Pagination } from '../../../components/pagination';
import { gateway } from '../../../gateway/gateway-client';
import { pageNumber } from '../../../gateway/read-or-missing';
import type { Page, PublicationView } from '../../../gateway/views';
import { localeTools } from '../../../i18n/request-locale';
import { MessageKey } from '../../../i18n/translator';
import { pageCount, pageWindow } from '../../../components/filters';
import { titled } from '../../../components/page-props';

const KINDS = ['news', 'minutes', 'guide', 'document'] as const;
const PER_PAGE = 10;

export const generateMetadata = titled('publications.title');

/** News, minutes, guides and documents, in the reader's language (Arabic when a translation is missing). */
export default async function PublicationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const search = await searchParams;
  const kind = KINDS.find((k) => k === search.kind);
  const page = pageNumber(search.page);
  const api = await gateway.public(locale);
  const list = await api.get<Page<PublicationView>>('/publications', {
    query: { kind, ...pageWindow(page, PER_PAGE) },
  });
  const pages = pageCount(list.total, PER_PAGE);
  const base = `/${locale}/publications`;
  return (
    <>
      <h1>{t('publications.title')}</h1>
      <nav aria-label={t('publications.kind')} className="tabs">
        <ul>
          <li>{kind ? <a href={base}>{t('common.all')}</a> : <span aria-current="page">{t('common.all')}</span>}</li>
          {KINDS.map((k) => (
            <li key={k}>
              {k === kind ? (
                <span aria-current="page">{t(`publicationKind.${k}` as MessageKey)}</span>
              ) : (
                <a href={`${base}?kind=${k}`}>{t(`publicationKind.${k}` as MessageKey)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length === 0 ? <p>{t('publications.none')}</p> : null}
      <ul className="plain">
        {list.items.map((p) => (
          <li key={p.id} id={`publication-${p.id}`} className="card">
            <article aria-labelledby={`publication-title-${p.id}`}>
              <h2 id={`publication-title-${p.id}`}>
                <Localized text={p.title} locale={locale} />
              </h2>
              <p className="meta">
                <span className="badge">{t(`publicationKind.${p.kind}` as MessageKey)}</span>
                {p.publishedAt ? <span>{t('publications.publishedOn', { date: f.date(p.publishedAt) })}</span> : null}
              </p>
              <div className="prose">
                <Localized text={p.body} locale={locale} />
              </div>
              {p.attachments.length ? (
                <ul>
                  {p.attachments.map((a, i) => (
                    <li key={i}>
                      <a href={a.url} rel="noopener noreferrer nofollow" dir="auto">
                        {a.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <Pagination basePath={base} params={{ kind }} page={Math.min(page, pages)} pages={pages} t={t} />
    </>
  );
}
