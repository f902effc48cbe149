import { ActionForm } from '../../../../components/citizen/action-form';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import { draftPublication, publishPublication } from '../../../../components/coord/publication-actions';
import { Pagination } from '../../../../components/pagination';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page, PublicationView } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { pageCount, pageWindow } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

const PAGE_SIZE = 20;
const KINDS = ['news', 'minutes', 'guide', 'document'] as const;

export const generateMetadata = titled('coord.publications.title');

/**
 * Publications from draft to published: a draft in the three languages side by side (Arabic
 * required), the drafts and published ones listed by kind (in the URL), 20 a page, each draft with
 * its publish button.
 */
export default async function CoordinationPublicationsPage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/publications', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const kind = KINDS.find((k) => k === search.kind);
  const page = pageNumber(search.page);
  const [publications, cycles] = await Promise.all([
    api.get<Page<PublicationView>>('/publications', {
      query: { drafts: 'true', kind, ...pageWindow(page, PAGE_SIZE) },
    }),
    api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } }),
  ]);
  const pages = pageCount(publications.total, PAGE_SIZE);
  const base = `/${locale}/coordination/publications`;
  const saved = search.saved === 'draft' || search.saved === 'published' ? search.saved : undefined;
  return (
    <section className="page-section" aria-labelledby="publications-title">
      <h1 id="publications-title">{t('coord.publications.title')}</h1>
      <p className="lead">{t('coord.publications.intro')}</p>
      {saved ? (
        <p className="form-done" role="status" id="publications-saved">
          {t(saved === 'draft' ? 'coord.publications.drafted' : 'coord.publications.published')}
        </p>
      ) : null}
      <h2>{t('coord.publications.new')}</h2>
      <div className="narrow-wide">
        <ActionForm
          id="publication"
          action={draftPublication}
          csrf={<CsrfField />}
          hidden={{ locale }}
          submit={t('coord.publications.saveDraft')}
          fields={[
            {
              name: 'kind',
              label: t('publications.kind'),
              type: 'select',
              required: true,
              options: KINDS.map((k) => ({ value: k, label: t(`publicationKind.${k}` as MessageKey) })),
            },
            {
              name: 'cycleId',
              label: t('coord.publications.cycle'),
              type: 'select',
              hint: t('coord.publications.cycleHint'),
              options: [
                { value: '', label: t('common.none') },
                ...cycles.items.map((c) => ({ value: c.id, label: pick(c.title, locale) })),
              ],
            },
            {
              name: 'titleAr',
              label: t('coord.form.titleAr'),
              required: true,
              maxLength: 500,
              hint: t('coord.publications.titleHint'),
            },
            { name: 'titleFr', label: t('coord.form.titleFr'), maxLength: 500 },
            { name: 'titleEn', label: t('coord.form.titleEn'), maxLength: 500 },
            {
              name: 'bodyAr',
              label: t('coord.publications.bodyAr'),
              type: 'textarea',
              rows: 6,
              required: true,
              maxLength: 10000,
              hint: t('coord.publications.bodyHint'),
            },
            { name: 'bodyFr', label: t('coord.publications.bodyFr'), type: 'textarea', rows: 6, maxLength: 10000 },
            { name: 'bodyEn', label: t('coord.publications.bodyEn'), type: 'textarea', rows: 6, maxLength: 10000 },
          ]}
        />
      </div>

      <h2 id="drafts" tabIndex={-1}>
        {t('coord.publications.list')}
      </h2>
      <nav className="tabs" aria-label={t('publications.kind')}>
        <ul>
          <li>
            <a href={base} aria-current={kind ? undefined : 'page'}>
              {t('common.all')}
            </a>
          </li>
          {KINDS.map((k) => (
            <li key={k}>
              <a href={`${base}?kind=${k}`} aria-current={kind === k ? 'page' : undefined}>
                {t(`publicationKind.${k}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ul className="section-list" id="publication-list">
        {publications.items.map((p) => (
          <li key={p.id} className="card" data-publication={p.id} data-status={p.status}>
            <h3 className="card-title" dir="auto">
              {pick(p.title, locale)}
            </h3>
            <p className="muted">
              {t(`publicationKind.${p.kind}` as MessageKey)} ·{' '}
              {p.status === 'published' && p.publishedAt
                ? t('publications.publishedOn', { date: f.date(p.publishedAt) })
                : t('coord.publications.draft')}
            </p>
            {p.status === 'draft' ? (
              <ActionForm
                id={`publish-${p.id}`}
                action={publishPublication}
                csrf={<CsrfField />}
                hidden={{ locale, id: p.id }}
                submit={t('coord.publications.publish')}
                fields={[]}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination basePath={base} params={{ kind }} page={page} pages={pages} t={t} anchor="drafts" />
    </section>
  );
}
