import type { Metadata } from 'next';
import { BarList } from '../../../../components/bar-list';
import { FollowButton } from '../../../../components/citizen/follow-button';
import { CalendarLink } from '../../../../components/feeds/calendar-link';
import { feedPaths } from '../../../../components/feeds/feed-paths';
import { Breadcrumb } from '../../../../components/breadcrumb';
import { FreeText, Localized } from '../../../../components/localized';
import { NotFoundView } from '../../../../components/not-found-view';
import { Pagination } from '../../../../components/pagination';
import { PhaseTimeline } from '../../../../components/phase-timeline';
import { gateway } from '../../../../gateway/gateway-client';
import { isUuid, pageNumber, readOrMissing, uuidOrUndefined } from '../../../../gateway/read-or-missing';
import {
  CommentView,
  CompositionView,
  CycleStatistics,
  CycleView,
  DraftCommitmentView,
  IdeaPublicView,
  Page,
  WorkshopView,
} from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { pageCount, SelectFilter, FilterForm, DataTable } from '../../../../components/filters';

const IDEAS_PER_PAGE = 20;
const FATES = ['accepted', 'rejected', 'retained', 'not_retained', 'none'] as const;
type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await localeTools(params);
  const { id } = await params;
  const cycle = isUuid(id)
    ? await readOrMissing((await gateway.public(locale)).get<CycleView>('/cycles/{id}', { path: { id } }))
    : null;
  return { title: cycle ? pick(cycle.title, locale) : undefined };
}

/** All the ideas of a cycle (optionally of one theme): the gateway filters by theme, the rest is filtered here. */
async function allIdeas(
  api: Awaited<ReturnType<typeof gateway.public>>,
  cycleId: string,
  themeId: string | undefined,
): Promise<IdeaPublicView[]> {
  const first = await api.get<Page<IdeaPublicView>>('/cycles/{id}/ideas', {
    path: { id: cycleId },
    query: { themeId, limit: 100, offset: 0 },
  });
  const pages = Math.min(Math.ceil(first.total / 100), 20);
  const rest = await Promise.all(
    Array.from({ length: pages - 1 }, (_, i) =>
      api.get<Page<IdeaPublicView>>('/cycles/{id}/ideas', {
        path: { id: cycleId },
        query: { themeId, limit: 100, offset: (i + 1) * 100 },
      }),
    ),
  );
  return [first, ...rest].flatMap((p) => p.items);
}

/** A co-creation cycle: phases with today, themes, ideas and their published fate, workshops, consultation, statistics, committee. */
export default async function CyclePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, t, f } = await localeTools(params);
  const { id } = await params;
  const search = await searchParams;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  if (!isUuid(id)) return <NotFoundView locale={locale} t={t} />;
  const api = await gateway.public(locale);
  const cycle = await readOrMissing(api.get<CycleView>('/cycles/{id}', { path: { id } }));
  if (!cycle) return <NotFoundView locale={locale} t={t} />;
  const filters = {
    themeId: uuidOrUndefined(one('themeId')),
    channel: one('channel') === 'portal' || one('channel') === 'workshop' ? one('channel') : undefined,
    fate: FATES.find((x) => x === one('fate')),
  };
  const page = pageNumber(one('page'));
  const [ideas, workshops, drafts, statistics, committee] = await Promise.all([
    allIdeas(api, id, filters.themeId),
    api.get<WorkshopView[] | Page<WorkshopView>>('/cycles/{id}/workshops', { path: { id } }),
    api.get<DraftCommitmentView[] | Page<DraftCommitmentView>>('/cycles/{id}/drafts', { path: { id } }),
    readOrMissing(api.get<CycleStatistics>('/cycles/{id}/statistics', { path: { id } })),
    readOrMissing(api.get<CompositionView>('/committee', { query: { programmeId: cycle.programmeId } })),
  ]);
  const workshopList = Array.isArray(workshops) ? workshops : workshops.items;
  const draftList = Array.isArray(drafts) ? drafts : drafts.items;
  const comments = await Promise.all(
    draftList.map((d) =>
      api
        .get<Page<CommentView>>('/drafts/{id}/comments', { path: { id: d.id }, query: { limit: 100 } })
        .catch(() => null),
    ),
  );
  const filtered = ideas.filter(
    (idea) =>
      (!filters.channel || idea.channel === filters.channel) &&
      (!filters.fate || (filters.fate === 'none' ? !idea.fate : idea.fate?.status === filters.fate)),
  );
  const pages = pageCount(filtered.length, IDEAS_PER_PAGE);
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * IDEAS_PER_PAGE, current * IDEAS_PER_PAGE);
  const themeTitle = new Map(cycle.themes.map((th) => [th.id, th.title]));
  const themeByNumber = new Map(cycle.themes.map((th) => [th.number, th.title]));
  const base = `/${locale}/cycles/${id}`;

  return (
    <>
      <Breadcrumb t={t} items={[{ label: t('nav.home'), href: `/${locale}` }, { label: pick(cycle.title, locale) }]} />
      <h1>
        <Localized text={cycle.title} locale={locale} />
      </h1>
      <FollowButton kind="cycle" id={cycle.id} locale={locale} t={t} returnTo={`/${locale}/cycles/${cycle.id}`} />
      <CalendarLink href={feedPaths.cycleCalendar(cycle.id, locale)} hint={t('feeds.calendar.cycleHint')} t={t} />
      <p>
        <a href={`/${locale}/me/take-part?cycle=${cycle.id}`}>{t('citizen.takePart.title')}</a>
      </p>

      <section className="page-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('cycle.timeline')}</h2>
        <PhaseTimeline phases={cycle.phases} locale={locale} t={t} f={f} />
      </section>

      <section className="page-section" aria-labelledby="themes-title">
        <h2 id="themes-title">{t('cycle.themes')}</h2>
        <ol className="themes">
          {[...cycle.themes]
            .sort((a, b) => a.number - b.number)
            .map((th) => (
              <li key={th.id}>
                <a href={`${base}?themeId=${th.id}#ideas`}>
                  <Localized text={th.title} locale={locale} />
                </a>
              </li>
            ))}
        </ol>
      </section>

      <section className="page-section" aria-labelledby="ideas">
        <h2 id="ideas" tabIndex={-1}>
          {t('cycle.ideas')}
        </h2>
        <FilterForm action={`${base}#ideas`} reset={`${base}#ideas`} t={t}>
          <SelectFilter
            id="theme"
            name="themeId"
            label={t('cycle.theme')}
            value={filters.themeId}
            options={cycle.themes.map((th) => ({ value: th.id, label: pick(th.title, locale) }))}
            t={t}
          />
          <SelectFilter
            id="channel"
            name="channel"
            label={t('cycle.channel')}
            value={filters.channel}
            options={[
              { value: 'portal', label: t('channel.portal') },
              { value: 'workshop', label: t('channel.workshop') },
            ]}
            t={t}
          />
          <SelectFilter
            id="fate"
            name="fate"
            label={t('cycle.fate')}
            value={filters.fate}
            options={FATES.map((fate) => ({
              value: fate,
              label: fate === 'none' ? t('cycle.fateNotPublished') : t(`fate.${fate}` as MessageKey),
            }))}
            t={t}
          />
        </FilterForm>
        <p role="status" className="muted">
          {t('common.ideas', { count: filtered.length })}
        </p>
        <ul className="plain idea-list">
          {shown.map((idea) => (
            <li key={idea.id} className="card">
              <h3>
                <a href={`${base}/ideas/${idea.id}`}>
                  <FreeText text={idea.title} />
                </a>
              </h3>
              <p className="meta">
                <span>{pick(themeTitle.get(idea.themeId), locale)}</span>
                <span className="badge">{t(`channel.${idea.channel}` as MessageKey)}</span>
                <span>{f.date(idea.createdAt)}</span>
              </p>
              <p className="prose">
                <FreeText text={idea.body} />
              </p>
              <p>
                <strong>{t('cycle.fate')}:</strong>{' '}
                {idea.fate ? (
                  <>
                    <span className="badge">{t(`fate.${idea.fate.status}` as MessageKey)}</span>{' '}
                    {idea.fate.explanation ? <FreeText text={idea.fate.explanation} /> : null}
                  </>
                ) : (
                  <span className="muted">{t('cycle.fateNotPublished')}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
        <Pagination
          basePath={base}
          params={{ themeId: filters.themeId, channel: filters.channel, fate: filters.fate }}
          page={current}
          pages={pages}
          t={t}
          anchor="ideas"
        />
      </section>

      <section className="page-section" aria-labelledby="workshops-title">
        <h2 id="workshops-title">{t('cycle.workshops')}</h2>
        <ul className="cards">
          {workshopList.map((w) => (
            <li key={w.id} className="card">
              <h3>
                <Localized text={w.title} locale={locale} />
              </h3>
              <p className="muted">{f.dateTime(w.startsAt)}</p>
              <p>
                {t('cycle.organiser')}: <span dir="auto">{w.organiser}</span>
              </p>
              <p>{t('cycle.registered', { confirmed: f.number(w.confirmed), capacity: f.number(w.capacity) })}</p>
              <p>
                <span className="badge">{t('common.seatsLeft', { count: Math.max(0, w.capacity - w.confirmed) })}</span>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="page-section" aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('cycle.drafts')}</h2>
        <ul className="plain">
          {draftList.map((d, i) => (
            <li key={d.id} className="card">
              <details>
                <summary>
                  <strong>
                    <Localized text={d.title} locale={locale} />
                  </strong>{' '}
                  · <span dir="auto">{d.institution}</span> · {t('common.comments', { count: d.comments })}
                </summary>
                <ul className="plain comments">
                  {(comments[i]?.items ?? []).map((c) => (
                    <li key={c.id}>
                      <p className="prose">
                        <FreeText text={c.body} />
                      </p>
                      <p className="muted small">{f.date(c.createdAt)}</p>
                      <div className="answer">
                        <strong>{t('cycle.answer')}:</strong>{' '}
                        {c.answer ? <FreeText text={c.answer} /> : <span className="muted">{t('cycle.noAnswer')}</span>}
                      </div>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </section>

      {statistics ? (
        <section className="page-section" aria-labelledby="statistics-title">
          <h2 id="statistics-title">{t('cycle.statistics')}</h2>
          <ul className="key-figures">
            <li>{t('stats.participants', { count: f.number(statistics.participantsTotal) })}</li>
            <li>{t('common.ideas', { count: statistics.ideas.total })}</li>
            <li>
              {t('stats.proposed', {
                commitments: f.number(statistics.proposedCommitments),
                institutions: f.number(statistics.institutions),
              })}
            </li>
            <li>
              {t('stats.consultation', {
                weeks: f.number(statistics.consultation.weeks),
                participants: f.number(statistics.consultation.participants),
                comments: f.number(statistics.consultation.comments),
              })}
            </li>
          </ul>
          <DataTable
            caption={t('stats.portalParticipants')}
            columns={[
              { label: t('stats.withProposals'), className: 'num' },
              { label: t('stats.interacting'), className: 'num' },
              { label: t('stats.total'), className: 'num' },
            ]}
          >
            <tr>
              <td className="num">{f.number(statistics.portal.withProposals)}</td>
              <td className="num">{f.number(statistics.portal.interacting)}</td>
              <td className="num">{f.number(statistics.portal.total)}</td>
            </tr>
          </DataTable>
          <div className="charts">
            <BarList
              locale={locale}
              caption={t('stats.ideasByTheme')}
              bars={statistics.ideasByTheme.map((row) => ({
                key: String(row.themeNumber),
                label: pick(themeByNumber.get(row.themeNumber), locale),
                value:
                  (100 * (row.portal + row.workshop)) /
                  Math.max(1, ...statistics.ideasByTheme.map((r) => r.portal + r.workshop)),
                figure: f.number(row.portal + row.workshop),
              }))}
            />
            <BarList
              locale={locale}
              caption={t('stats.workshopsTable')}
              bars={statistics.workshops.map((w) => ({
                key: String(w.number),
                label: pick(themeByNumber.get(w.themeNumber), locale),
                value: (100 * w.present) / Math.max(1, ...statistics.workshops.map((x) => x.present)),
                figure: f.number(w.present),
              }))}
            />
          </div>
          <DataTable
            caption={t('stats.ideasByTheme')}
            columns={[
              t('cycle.theme'),
              { label: t('channel.portal'), className: 'num' },
              { label: t('channel.workshop'), className: 'num' },
              { label: t('stats.total'), className: 'num' },
            ]}
          >
            {statistics.ideasByTheme.map((row) => (
              <tr key={row.themeNumber}>
                <th scope="row">{pick(themeByNumber.get(row.themeNumber), locale)}</th>
                <td className="num">{f.number(row.portal)}</td>
                <td className="num">{f.number(row.workshop)}</td>
                <td className="num">{f.number(row.portal + row.workshop)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('stats.total')}</th>
              <td className="num">{f.number(statistics.ideas.portal)}</td>
              <td className="num">{f.number(statistics.ideas.workshop)}</td>
              <td className="num">{f.number(statistics.ideas.total)}</td>
            </tr>
          </DataTable>
          <DataTable
            caption={t('stats.workshopsTable')}
            columns={[
              t('stats.workshop'),
              t('cycle.theme'),
              { label: t('stats.registered'), className: 'num' },
              { label: t('stats.present'), className: 'num' },
            ]}
          >
            {statistics.workshops.map((w) => (
              <tr key={w.number}>
                <th scope="row">{f.number(w.number)}</th>
                <td>{pick(themeByNumber.get(w.themeNumber), locale)}</td>
                <td className="num">{f.number(w.registered)}</td>
                <td className="num">{f.number(w.present)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={3}>
                {t('stats.total')}
              </th>
              <td className="num">{f.number(statistics.workshopsPresentTotal)}</td>
            </tr>
          </DataTable>
        </section>
      ) : null}

      {committee ? (
        <section className="page-section" aria-labelledby="committee-title">
          <h2 id="committee-title">{t('cycle.committee')}</h2>
          <p>
            {t('cycle.seats', {
              government: f.number(committee.government),
              civilSociety: f.number(committee.civilSociety),
            })}{' '}
            — <strong>{committee.parity ? t('cycle.parityYes') : t('cycle.parityNo')}</strong>
          </p>
          {committee.seats.length === 0 ? (
            <p>{t('cycle.noSeats')}</p>
          ) : (
            <DataTable columns={[t('cycle.holder'), t('cycle.sector'), t('cycle.term')]}>
              {committee.seats.map((s) => (
                <tr key={s.id}>
                  <th scope="row" dir="auto">
                    {s.holder}
                  </th>
                  <td>{t(`sector.${s.sector}` as MessageKey)}</td>
                  <td>{t('common.dates', { start: f.date(s.termStart), end: f.date(s.termEnd) })}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
    </>
  );
}
