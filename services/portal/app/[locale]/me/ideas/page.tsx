import { IdeaTimeline } from '../../../../components/citizen/idea-timeline';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import type { MyIdeaView } from '../../../../components/citizen/idea-view';
import { requireAccount } from '../../../../components/citizen/require-account';
import { gateway } from '../../../../gateway/gateway-client';
import type { Page } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { titled } from '../../../../components/page-props';

export const generateMetadata = titled('citizen.myIdeas.title');

/** "My ideas": each idea the person submitted with every step of its fate, dated, with its reason. */
export default async function MyIdeasPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  await requireAccount(locale, '/me/ideas');
  const api = await gateway.user(locale);
  const ideas = await api.get<Page<MyIdeaView>>('/me/ideas', { query: { limit: 100 } });
  const cycleIds = [...new Set(ideas.items.map((i) => i.cycleId))];
  const cycles = new Map(
    (await Promise.all(cycleIds.map((id) => api.get<CycleView>('/cycles/{id}', { path: { id } })))).map((c) => [
      c.id,
      c,
    ]),
  );
  return (
    <section className="page-section" aria-labelledby="my-ideas-title">
      <h1 id="my-ideas-title">{t('citizen.myIdeas.title')}</h1>
      <p className="lead">{t('citizen.myIdeas.intro')}</p>
      <p>
        <a className="button" href={`/${locale}/me/ideas/new`}>
          {t('citizen.idea.new')}
        </a>
      </p>
      {ideas.items.length === 0 ? <p>{t('citizen.myIdeas.none')}</p> : null}
      <ul className="plain idea-list">
        {ideas.items.map((idea) => {
          const cycle = cycles.get(idea.cycleId);
          const theme = cycle?.themes.find((th) => th.id === idea.themeId);
          return (
            <li key={idea.id} id={`idea-${idea.id}`} className="card idea-card">
              <h2 dir="auto">{idea.title}</h2>
              <dl className="facts">
                <dt>{t('citizen.idea.cycle')}</dt>
                <dd>{cycle ? pick(cycle.title, locale) : ''}</dd>
                {theme ? (
                  <>
                    <dt>{t('citizen.idea.theme')}</dt>
                    <dd>{pick(theme.title, locale)}</dd>
                  </>
                ) : null}
                <dt>{t('citizen.idea.submittedOn')}</dt>
                <dd>
                  <time dateTime={idea.createdAt}>{f.date(idea.createdAt)}</time>
                </dd>
                <dt>{t('citizen.idea.currentStep')}</dt>
                <dd className="idea-status">
                  {t(`citizen.fate.${idea.fate ? 'published' : idea.status}` as MessageKey)}
                </dd>
                {idea.anonymous ? (
                  <>
                    <dt>{t('citizen.idea.visibility')}</dt>
                    <dd>{t('citizen.idea.anonymousToPublic')}</dd>
                  </>
                ) : null}
              </dl>
              {idea.hidden ? (
                <p className="notice">
                  {t('citizen.idea.hidden', { date: f.date(idea.hidden.at) })}{' '}
                  <span dir="auto">{idea.hidden.reason}</span>
                </p>
              ) : null}
              <h3 className="timeline-title">{t('citizen.myIdeas.timeline')}</h3>
              <IdeaTimeline steps={idea.path} locale={locale} t={t} f={f} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
