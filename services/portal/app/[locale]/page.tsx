import { ProgressBar } from '../../components/progress-bar';
import { gateway } from '../../gateway/gateway-client';
import type { Page, ProgrammePlans, ProgrammeView } from '../../gateway/views';
import { pick } from '../../i18n/localized-text';
import { localeTools } from '../../i18n/request-locale';

/** Home: the programmes and their current plans with overall progress. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  const api = await gateway.public(locale);
  const programmes = await api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } });
  const plans = await Promise.all(programmes.items.map((p) => api.get<ProgrammePlans>('/programmes/{id}/plans', { path: { id: p.id } })));
  return (
    <>
      <section className="hero">
        <h1>{t('site.name')}</h1>
        <p className="lead">{t('site.tagline')}</p>
      </section>
      <section className="page-section" aria-labelledby="programmes-title">
        <h2 id="programmes-title">{t('home.programmes')}</h2>
        {programmes.items.length === 0 ? <p>{t('home.noProgrammes')}</p> : null}
        <ul className="cards">
          {programmes.items.map((programme, i) => (
            <li key={programme.id} className="card">
              <h3>{pick(programme.name, locale)}</h3>
              <ul className="plain">
                {plans[i].plans.map((plan) => (
                  <li key={plan.id}>
                    <a href={`/${locale}/plans/${plan.id}`}>{pick(plan.title, locale)}</a>
                    <ProgressBar value={plan.progress} label={t('common.progress')} locale={locale} f={f} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
