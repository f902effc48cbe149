import { Localized } from '../../components/localized';
import { ProgressBar } from '../../components/progress-bar';
import { gateway } from '../../gateway/gateway-client';
import type { CycleView, Page, ProgrammePlans, ProgrammeView, PublicationView } from '../../gateway/views';
import { pick } from '../../i18n/localized-text';
import { localeTools } from '../../i18n/request-locale';
import { MESSAGES, MessageKey } from '../../i18n/translator';

/** Home: the programmes and their plans with progress, what is open now in co-creation, the latest publications. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  const api = await gateway.public(locale);
  const [programmes, cycles, publications] = await Promise.all([
    api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } }),
    api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } }),
    api.get<Page<PublicationView>>('/publications', { query: { limit: 5 } }),
  ]);
  const plans = await Promise.all(
    programmes.items.map((p) => api.get<ProgrammePlans>('/programmes/{id}/plans', { path: { id: p.id } })),
  );
  const open = cycles.items.flatMap((cycle) =>
    cycle.phases.filter((phase) => phase.open).map((phase) => ({ cycle, phase })),
  );
  const phaseName = (kind: string) => (`phase.${kind}` in MESSAGES.ar ? t(`phase.${kind}` as MessageKey) : kind);
  return (
    <>
      <section className="hero">
        <h1>{t('site.name')}</h1>
        <p className="lead">{t('site.tagline')}</p>
      </section>

      <section className="page-section" aria-labelledby="open-title">
        <h2 id="open-title">{t('home.openNow')}</h2>
        {open.length ? (
          <ul className="cards">
            {open.map(({ cycle, phase }) => (
              <li key={`${cycle.id}-${phase.kind}`} className="card card-highlight">
                <h3>
                  <a href={`/${locale}/cycles/${cycle.id}`}>{phaseName(phase.kind)}</a>
                </h3>
                <p>
                  <Localized text={cycle.title} locale={locale} />
                </p>
                <p>
                  <strong>{t('home.closesOn', { date: f.date(phase.closesAt) })}</strong>
                </p>
                <p className="muted">{t(`phaseAllows.${phase.kind}` as MessageKey)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <p>{t('home.nothingOpen')}</p>
            <ul>
              {cycles.items.map((cycle) => (
                <li key={cycle.id}>
                  <a href={`/${locale}/cycles/${cycle.id}`}>{pick(cycle.title, locale)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="page-section" aria-labelledby="programmes-title">
        <h2 id="programmes-title">{t('home.programmes')}</h2>
        {programmes.items.length === 0 ? <p>{t('home.noProgrammes')}</p> : null}
        <ul className="cards">
          {programmes.items.map((programme, i) => (
            <li key={programme.id} className="card">
              <h3>
                <Localized text={programme.name} locale={locale} />
              </h3>
              {plans[i].plans.length === 0 ? <p className="muted">{t('home.noPlans')}</p> : null}
              <ul className="plain">
                {plans[i].plans.map((plan) => (
                  <li key={plan.id}>
                    <a href={`/${locale}/plans/${plan.id}`}>{pick(plan.title, locale)}</a>
                    <div className="muted small">
                      {t(`planStatus.${plan.status}` as MessageKey)} ·{' '}
                      {t('common.commitments', { count: plan.areas.reduce((n, a) => n + a.commitments, 0) })}
                    </div>
                    <ProgressBar value={plan.progress} label={t('common.progress')} locale={locale} f={f} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section className="page-section" aria-labelledby="publications-title">
        <h2 id="publications-title">{t('home.latestPublications')}</h2>
        {publications.items.length === 0 ? <p>{t('home.noPublications')}</p> : null}
        <ul className="plain">
          {publications.items.map((p) => (
            <li key={p.id} className="card">
              <span className="badge">{t(`publicationKind.${p.kind}` as MessageKey)}</span>{' '}
              <a href={`/${locale}/publications#publication-${p.id}`}>
                <Localized text={p.title} locale={locale} />
              </a>{' '}
              {p.publishedAt ? (
                <span className="muted">{t('publications.publishedOn', { date: f.date(p.publishedAt) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          <a href={`/${locale}/publications`}>{t('nav.publications')}</a>
        </p>
      </section>
    </>
  );
}
