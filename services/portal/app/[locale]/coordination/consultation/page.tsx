import type { CycleView } from '../../../../components/citizen/cycle-view';
import type { DraftView } from '../../../../components/citizen/participation-views';
import { CycleFilter, chooseCycle } from '../../../../components/coord/cycle-filter';
import type { Page } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

export const generateMetadata = titled('coord.consultation.title');

/** A cycle's draft commitments under consultation (the cycle in the URL), each with its number of comments, opening them. */
export default async function CoordinationConsultationPage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/consultation', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle = chooseCycle(cycles.items, search.cycle, (c) => c.currentPhases.includes('consultation'));
  const drafts = cycle ? await api.get<DraftView[]>('/cycles/{id}/drafts', { path: { id: cycle.id } }) : [];
  const base = `/${locale}/coordination/consultation`;
  return (
    <section className="page-section" aria-labelledby="consultation-title">
      <h1 id="consultation-title">{t('coord.consultation.title')}</h1>
      <p className="lead">{t('coord.consultation.intro')}</p>
      <CycleFilter action={base} cycles={cycles.items} selected={cycle?.id} locale={locale} t={t} />
      {drafts.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul className="section-list" id="draft-list">
        {drafts.slice(0, 200).map((d) => (
          <li key={d.id} className="card" data-draft={d.id}>
            <h2 className="card-title">
              <a href={`${base}/${d.id}`}>
                {f.number(d.number)}. {pick(d.title, locale)}
              </a>
            </h2>
            <p className="muted">
              <span dir="auto">{d.institution}</span> · {t('common.comments', { count: d.comments })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
