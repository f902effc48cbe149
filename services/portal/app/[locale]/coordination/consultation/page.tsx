import type { Metadata } from 'next';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import type { DraftView } from '../../../../components/citizen/participation-views';
import { CycleFilter } from '../../../../components/coord/cycle-filter';
import { NotAllowed, staffAccount } from '../../../../components/coord/staff-access';
import { gateway } from '../../../../gateway/gateway-client';
import { uuidOrUndefined } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('coord.consultation.title') };
}

/** A cycle's draft commitments under consultation (the cycle in the URL), each with its number of comments, opening them. */
export default async function CoordinationConsultationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const requested = uuidOrUndefined((await searchParams).cycle);
  if (!(await staffAccount(locale, '/coordination/consultation', ['coordinator', 'admin'])))
    return <NotAllowed locale={locale} t={t} />;
  const api = await gateway.user(locale);
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle =
    cycles.items.find((c) => c.id === requested) ??
    cycles.items.find((c) => c.currentPhases.includes('consultation')) ??
    cycles.items[0];
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
