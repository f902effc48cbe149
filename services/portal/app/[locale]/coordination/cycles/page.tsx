import { ActionForm } from '../../../../components/citizen/action-form';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import { FormField } from '../../../../components/citizen/form-field';
import { createCycle } from '../../../../components/coord/cycle-actions';
import { FORM_PHASES } from '../../../../components/coord/cycle-phases';
import { Pagination } from '../../../../components/pagination';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page, ProgrammeView } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { pageCount, pageWindow } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

const PAGE_SIZE = 20;

export const generateMetadata = titled('coord.cycles.title');

/** The co-creation cycles with their phase dates (20 a page), and a new cycle with its phases and themes. */
export default async function CoordinationCyclesPage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/cycles', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const page = pageNumber(search.page);
  const [cycles, programmes] = await Promise.all([
    api.get<Page<CycleView>>('/cycles', { query: pageWindow(page, PAGE_SIZE) }),
    api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } }),
  ]);
  const pages = pageCount(cycles.total, PAGE_SIZE);
  const base = `/${locale}/coordination/cycles`;
  const phaseFields: FormField[] = FORM_PHASES.flatMap((kind) => [
    {
      name: `${kind}Opens`,
      label: t('coord.cycles.opens', { phase: t(`phase.${kind}` as MessageKey) }),
      type: 'datetime-local',
      dir: 'ltr' as const,
    },
    {
      name: `${kind}Closes`,
      label: t('coord.cycles.closes', { phase: t(`phase.${kind}` as MessageKey) }),
      type: 'datetime-local',
      dir: 'ltr' as const,
    },
  ]);
  return (
    <section className="page-section" aria-labelledby="cycles-title">
      <h1 id="cycles-title">{t('coord.cycles.title')}</h1>
      <p className="lead">{t('coord.cycles.intro')}</p>
      {typeof search.created === 'string' ? (
        <p className="form-done" role="status" id="cycles-created">
          {t('coord.cycles.created')}
        </p>
      ) : null}
      <ul className="section-list" id="cycle-list">
        {cycles.items.map((c) => (
          <li key={c.id} className="card" data-cycle={c.code}>
            <h2 className="card-title">
              <a href={`/${locale}/cycles/${c.id}`}>{pick(c.title, locale)}</a>{' '}
              <span className="muted">({c.code})</span>
            </h2>
            <ul className="plain">
              {c.phases.map((p) => (
                <li key={p.kind} data-phase={p.kind}>
                  <strong>{t(`phase.${p.kind}` as MessageKey)}</strong>{' '}
                  {t('common.dates', { start: f.dateTime(p.opensAt), end: f.dateTime(p.closesAt) })}
                  {p.open ? <span className="badge badge-warning"> {t('coord.cycles.open')}</span> : null}
                </li>
              ))}
            </ul>
            <p>
              <a href={`/${locale}/coordination/ideas?cycle=${c.id}`}>{t('coord.triage.title')}</a>
            </p>
          </li>
        ))}
      </ul>
      <Pagination basePath={base} params={{}} page={page} pages={pages} t={t} />

      <h2 id="new-cycle">{t('coord.cycles.new')}</h2>
      <div className="narrow-wide">
        <ActionForm
          id="cycle"
          action={createCycle}
          csrf={<CsrfField />}
          hidden={{ locale }}
          submit={t('coord.cycles.create')}
          fields={[
            {
              name: 'programmeId',
              label: t('coord.import.programme'),
              type: 'select',
              required: true,
              options: programmes.items.map((p) => ({ value: p.id, label: pick(p.name, locale) })),
            },
            {
              name: 'code',
              label: t('coord.cycles.code'),
              dir: 'ltr',
              required: true,
              maxLength: 40,
              hint: t('coord.cycles.codeHint'),
            },
            { name: 'titleAr', label: t('coord.form.titleAr'), required: true, maxLength: 500 },
            { name: 'titleFr', label: t('coord.form.titleFr'), maxLength: 500 },
            { name: 'titleEn', label: t('coord.form.titleEn'), maxLength: 500 },
            ...phaseFields,
            {
              name: 'themes',
              label: t('coord.cycles.themes'),
              type: 'textarea',
              rows: 5,
              hint: t('coord.cycles.themesHint'),
            },
          ]}
        />
      </div>
    </section>
  );
}
