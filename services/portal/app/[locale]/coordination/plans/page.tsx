import type { Page, ProgrammePlans, ProgrammeView } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { MessageKey } from '../../../../i18n/translator';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../../components/coord/staff-page';

export const generateMetadata = titled('coord.plans.title');

/** The programmes and their plans (at most 100 programmes), each plan opening its commitments for the coordination team. */
export default async function CoordinationPlansPage(props: StaffPageProps) {
  const opened = await openStaffPage(props, '/coordination/plans', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, api } = opened;
  const programmes = await api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } });
  const plans = await Promise.all(
    programmes.items.map((p) => api.get<ProgrammePlans>('/programmes/{id}/plans', { path: { id: p.id } })),
  );
  return (
    <section className="page-section" aria-labelledby="plans-title">
      <h1 id="plans-title">{t('coord.plans.title')}</h1>
      <p className="lead">{t('coord.plans.intro')}</p>
      <p>
        <a className="button" href={`/${locale}/coordination/plans/import`}>
          {t('coord.import.title')}
        </a>
      </p>
      {programmes.items.map((p, i) => (
        <section key={p.id} aria-labelledby={`programme-${p.id}`}>
          <h2 id={`programme-${p.id}`}>
            {pick(p.name, locale)} <span className="muted">({p.code})</span>
          </h2>
          <p>
            <a href={`/${locale}/coordination/programmes/${p.id}`}>{t('coord.settings.title')}</a>
          </p>
          {plans[i].plans.length === 0 ? <p>{t('common.none')}</p> : null}
          <ul className="section-list">
            {plans[i].plans.map((plan) => (
              <li key={plan.id} className="card" data-plan={plan.code}>
                <h3 className="card-title">
                  <a href={`/${locale}/coordination/plans/${plan.id}`}>{pick(plan.title, locale)}</a>
                </h3>
                <p className="muted">
                  {plan.code} · {t('common.dates', { start: f.date(plan.startDate), end: f.date(plan.endDate) })} ·{' '}
                  {t(`planStatus.${plan.status}` as MessageKey)} · {f.percent(plan.progress)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
