import type { Metadata } from 'next';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import { CycleFilter } from '../../../../components/coord/cycle-filter';
import { NotAllowed, staffAccount } from '../../../../components/coord/staff-access';
import { gateway } from '../../../../gateway/gateway-client';
import { uuidOrUndefined } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import type { LocalizedText } from '../../../../i18n/localized-text';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';

interface WorkshopSummary {
  id: string;
  number: number;
  title: LocalizedText;
  startsAt: string;
  capacity: number;
  confirmed: number;
  present: number;
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('coord.workshop.list') };
}

/** A cycle's workshops (the cycle in the URL), each with its registrations and attendance, opening its page. */
export default async function CoordinationWorkshopsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const requested = uuidOrUndefined((await searchParams).cycle);
  if (!(await staffAccount(locale, '/coordination/workshops', ['coordinator', 'admin'])))
    return <NotAllowed locale={locale} t={t} />;
  const api = await gateway.user(locale);
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle =
    cycles.items.find((c) => c.id === requested) ??
    cycles.items.find((c) => c.currentPhases.length > 0) ??
    cycles.items[0];
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
