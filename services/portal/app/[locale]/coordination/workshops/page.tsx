import type { CycleView } from '../../../../components/citizen/cycle-view';
import { CycleFilter, chooseCycle } from '../../../../components/coord/cycle-filter';
import type { Page } from '../../../../gateway/views';
import type { LocalizedText } from '../../../../i18n/localized-text';
import { pick } from '../../../../i18n/localized-text';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

interface WorkshopSummary {
  id: string;
  number: number;
  title: LocalizedText;
  startsAt: string;
  capacity: number;
  confirmed: number;
  present: number;
}

export const generateMetadata = titled('coord.workshop.list');

/** A cycle's workshops (the cycle in the URL), each with its registrations and attendance, opening its page. */
export default async function CoordinationWorkshopsPage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/workshops', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle = chooseCycle(cycles.items, search.cycle, (c) => c.currentPhases.length > 0);
  const workshops = cycle ? await api.get<WorkshopSummary[]>('/cycles/{id}/workshops', { path: { id: cycle.id } }) : [];
  const base = `/${locale}/coordination/workshops`;
  return (
    <section className="page-section" aria-labelledby="workshops-title">
      <h1 id="workshops-title">{t('coord.workshop.list')}</h1>
      <CycleFilter action={base} cycles={cycles.items} selected={cycle?.id} locale={locale} t={t} />
      {workshops.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul className="section-list" id="workshop-list">
        {workshops.slice(0, 200).map((w) => (
          <li key={w.id} className="card" data-workshop={w.id}>
            <h2 className="card-title">
              <a href={`${base}/${w.id}`}>
                {f.number(w.number)}. {pick(w.title, locale)}
              </a>
            </h2>
            <p className="muted">
              <time dateTime={w.startsAt}>{f.dateTime(w.startsAt)}</time> · {t('coord.workshop.registered')}{' '}
              {f.number(w.confirmed)} / {f.number(w.capacity)} · {t('coord.workshop.present')} {f.number(w.present)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
