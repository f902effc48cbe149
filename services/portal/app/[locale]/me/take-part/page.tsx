import { CandidacySection } from '../../../../components/citizen/candidacy-section';
import { ConsultationSection } from '../../../../components/citizen/consultation-section';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import { FollowButton } from '../../../../components/citizen/follow-button';
import { IdeasSection } from '../../../../components/citizen/ideas-section';
import type {
  CommentView,
  DraftView,
  PublicIdeaView,
  WorkshopView,
} from '../../../../components/citizen/participation-views';
import { phaseWindow } from '../../../../components/citizen/phase-window';
import { WorkshopsSection } from '../../../../components/citizen/workshops-section';
import { gateway } from '../../../../gateway/gateway-client';
import type { Page } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { titled } from '../../../../components/page-props';
import { requireAccountForCycle } from '../../../../components/citizen/require-account';

export const generateMetadata = titled('citizen.takePart.title');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cycle one takes part in (?cycle=, else the first with a phase open now, else the newest). */
function chooseCycle(cycles: CycleView[], requested: string): CycleView | undefined {
  if (UUID.test(requested)) {
    const named = cycles.find((c) => c.id === requested);
    if (named) return named;
  }
  return cycles.find((c) => c.currentPhases.length > 0) ?? cycles[cycles.length - 1];
}

/**
 * Taking part in a co-creation cycle: follow it; register for a workshop (and cancel); comment on the
 * draft commitments during the consultation; support or report an idea; apply for a committee seat
 * (CSOs, during the candidacy window). Every form works without JavaScript.
 */
export default async function TakePartPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ cycle?: string }>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { account, requested } = await requireAccountForCycle(locale, '/me/take-part', searchParams);
  const api = await gateway.user(locale);
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle = chooseCycle(cycles.items, requested);
  if (!cycle) {
    return (
      <section className="page-section">
        <h1>{t('citizen.takePart.title')}</h1>
        <p>{t('citizen.takePart.noCycle')}</p>
      </section>
    );
  }
  const [workshops, drafts, ideas] = await Promise.all([
    api.get<WorkshopView[]>('/cycles/{id}/workshops', { path: { id: cycle.id } }),
    api.get<DraftView[]>('/cycles/{id}/drafts', { path: { id: cycle.id } }),
    api.get<Page<PublicIdeaView>>('/cycles/{id}/ideas', { path: { id: cycle.id }, query: { limit: 10 } }),
  ]);
  const comments = new Map(
    await Promise.all(
      drafts
        .slice(0, 30)
        .map(
          async (d) =>
            [
              d.id,
              (await api.get<Page<CommentView>>('/drafts/{id}/comments', { path: { id: d.id }, query: { limit: 20 } }))
                .items,
            ] as const,
        ),
    ),
  );
  const path = `/${locale}/me/take-part?cycle=${cycle.id}`;
  return (
    <>
      <section className="page-section" aria-labelledby="take-part-title">
        <h1 id="take-part-title">{t('citizen.takePart.title')}</h1>
        <p className="lead">{pick(cycle.title, locale)}</p>
        <p>{t('citizen.takePart.intro')}</p>
        {cycles.items.length > 1 ? (
          <nav aria-label={t('citizen.takePart.otherCycles')}>
            <ul className="plain inline-list">
              {cycles.items.map((c) => (
                <li key={c.id}>
                  {c.id === cycle.id ? (
                    <span aria-current="page">{pick(c.title, locale)}</span>
                  ) : (
                    <a href={`/${locale}/me/take-part?cycle=${c.id}`}>{pick(c.title, locale)}</a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <FollowButton kind="cycle" id={cycle.id} locale={locale} t={t} returnTo={path} />
        <p>
          <a href={`/${locale}/me/ideas/new?cycle=${cycle.id}`}>{t('citizen.idea.new')}</a>
        </p>
      </section>
      <WorkshopsSection workshops={workshops} locale={locale} t={t} f={f} />
      <ConsultationSection
        drafts={drafts}
        comments={comments}
        window={phaseWindow(cycle, 'consultation')}
        locale={locale}
        t={t}
        f={f}
      />
      <IdeasSection ideas={ideas.items} cycleId={cycle.id} locale={locale} t={t} f={f} />
      <CandidacySection
        cycleId={cycle.id}
        isCso={account.roles.includes('cso')}
        organisation={account.displayName}
        window={phaseWindow(cycle, 'candidacy')}
        locale={locale}
        t={t}
        f={f}
      />
    </>
  );
}
