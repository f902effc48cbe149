import type { Metadata } from 'next';
import { Fragment } from 'react';
import { Breadcrumb } from '../../../../components/breadcrumb';
import { ChangeValue } from '../../../../components/change-value';
import { FollowButton } from '../../../../components/citizen/follow-button';
import { Localized } from '../../../../components/localized';
import { NotFoundView } from '../../../../components/not-found-view';
import { ProgressBar } from '../../../../components/progress-bar';
import { gateway } from '../../../../gateway/gateway-client';
import { isUuid, readOrMissing } from '../../../../gateway/read-or-missing';
import {
  CommitmentView,
  CommunicationView,
  HistoryEntry,
  InstitutionView,
  Page,
  PlanView,
  ProgressReportView,
} from '../../../../gateway/views';
import { LocalizedText, pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { MESSAGES, MessageKey } from '../../../../i18n/translator';
import { DataTable } from '../../../../components/filters';
import { ActivitiesTable } from '../../../../components/activities-table';
import { CommitmentBadges, CommitmentName } from '../../../../components/commitment-card';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await localeTools(params);
  const { id } = await params;
  const c = isUuid(id)
    ? await readOrMissing((await gateway.public(locale)).get<CommitmentView>('/commitments/{id}', { path: { id } }))
    : null;
  return { title: c ? pick(c.title, locale) : undefined };
}

/** A commitment: its whole card, activities, progress reports with evidence, communication and public history. */
export default async function CommitmentPage({ params }: { params: Params }) {
  const { locale, t, f } = await localeTools(params);
  const { id } = await params;
  if (!isUuid(id)) return <NotFoundView locale={locale} t={t} />;
  const api = await gateway.public(locale);
  const [commitment, reports, communications, history, institutions] = await Promise.all([
    readOrMissing(api.get<CommitmentView>('/commitments/{id}', { path: { id } })),
    readOrMissing(
      api.get<Page<ProgressReportView>>('/commitments/{id}/reports', { path: { id }, query: { limit: 100 } }),
    ),
    readOrMissing(
      api.get<CommunicationView[] | Page<CommunicationView>>('/commitments/{id}/communications', { path: { id } }),
    ),
    readOrMissing(api.get<Page<HistoryEntry>>('/commitments/{id}/history', { path: { id }, query: { limit: 100 } })),
    api.get<Page<InstitutionView>>('/institutions', { query: { limit: 100 } }),
  ]);
  if (!commitment) return <NotFoundView locale={locale} t={t} />;
  const plan = await readOrMissing(api.get<PlanView>('/plans/{id}', { path: { id: commitment.planId } }));
  const institutionName = new Map(institutions.items.map((i) => [i.id, i.name]));
  const activityTitle = new Map(commitment.activities.map((a) => [a.id, a.title]));
  const comms = Array.isArray(communications) ? communications : (communications?.items ?? []);
  const card = commitment.card ?? {};
  const cardText: [MessageKey, LocalizedText | undefined][] = [
    ['commitment.description', card.description],
    ['commitment.goal', card.goal],
    ['commitment.expectedResults', card.expectedResults],
    ['commitment.problem', card.problem],
    ['commitment.solution', card.solution],
  ];
  const area = plan?.areas.find((a) => a.id === commitment.areaId);

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          { label: t('nav.home'), href: `/${locale}` },
          ...(plan ? [{ label: pick(plan.title, locale), href: `/${locale}/plans/${plan.id}` }] : []),
          { label: t('plan.number', { number: commitment.number }) },
        ]}
      />
      <h1>
        <CommitmentName commitment={commitment} locale={locale} t={t} />
      </h1>
      <p className="meta">
        {area ? <span>{pick(area.title, locale)}</span> : null}
        <CommitmentBadges commitment={commitment} t={t} />
      </p>
      <ProgressBar value={commitment.progress} label={t('common.progress')} locale={locale} f={f} />
      <FollowButton
        kind="commitment"
        id={commitment.id}
        locale={locale}
        t={t}
        returnTo={`/${locale}/commitments/${commitment.id}`}
      />
      {commitment.progressStale && commitment.staleReason ? (
        <p className="notice">{t('common.stale', { reason: commitment.staleReason })}</p>
      ) : null}
      {commitment.levelOverride ? (
        <p className="notice">{t('commitment.override', { reason: commitment.levelOverride.reason })}</p>
      ) : null}

      <section className="page-section" aria-labelledby="card-title">
        <h2 id="card-title">{t('commitment.card')}</h2>
        <dl className="facts">
          <dt>{t('plan.period')}</dt>
          <dd>{t('common.dates', { start: f.date(commitment.startDate), end: f.date(commitment.endDate) })}</dd>
          <dt>{t('commitment.leadInstitution')}</dt>
          <dd>{pick(institutionName.get(commitment.leadInstitutionId), locale)}</dd>
          {commitment.supportingInstitutionIds.length ? (
            <>
              <dt>{t('commitment.supporting')}</dt>
              <dd>{f.list(commitment.supportingInstitutionIds.map((i) => pick(institutionName.get(i), locale)))}</dd>
            </>
          ) : null}
          {card.department ? (
            <>
              <dt>{t('commitment.department')}</dt>
              <dd>
                <Localized text={card.department} locale={locale} />
              </dd>
            </>
          ) : null}
          <dt>{t('commitment.ogpValues')}</dt>
          <dd>
            {f.list(
              commitment.ogpValues.map((v) => (`ogpValue.${v}` in MESSAGES.ar ? t(`ogpValue.${v}` as MessageKey) : v)),
            )}
          </dd>
          {cardText
            .filter(([, text]) => pick(text, locale))
            .map(([key, text]) => (
              <Fragment key={key}>
                <dt>{t(key)}</dt>
                <dd className="prose">
                  <Localized text={text} locale={locale} />
                </dd>
              </Fragment>
            ))}
          {card.cost ? (
            <>
              <dt>{t('commitment.cost')}</dt>
              <dd dir="auto">{card.cost}</dd>
            </>
          ) : null}
          {card.otherProgrammes ? (
            <>
              <dt>{t('commitment.otherProgrammes')}</dt>
              <dd dir="auto">{card.otherProgrammes}</dd>
            </>
          ) : null}
          {card.sdgs?.length ? (
            <>
              <dt>{t('commitment.sdgs')}</dt>
              <dd>{f.list(card.sdgs.map((n) => f.number(n)))}</dd>
            </>
          ) : null}
          {card.contact ? (
            <>
              <dt>{t('commitment.contact')}</dt>
              <dd>
                <span dir="auto">{card.contact.name}</span>
                {card.contact.department ? <span dir="auto"> · {card.contact.department}</span> : null}
                {card.contact.email ? (
                  <>
                    {' · '}
                    <a href={`mailto:${card.contact.email}`} dir="ltr">
                      {card.contact.email}
                    </a>
                  </>
                ) : null}
                {card.contact.phone ? <span dir="ltr"> · {card.contact.phone}</span> : null}
              </dd>
            </>
          ) : null}
          <dt>{t('commitment.strategy')}</dt>
          <dd>
            {`strategy.${commitment.trackingStrategy}` in MESSAGES.ar ? (
              t(`strategy.${commitment.trackingStrategy}` as MessageKey)
            ) : (
              <bdi>{commitment.trackingStrategy}</bdi>
            )}
          </dd>
          {commitment.lastReportAt ? (
            <>
              <dt>{t('commitment.lastReport')}</dt>
              <dd>{f.date(commitment.lastReportAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="page-section" aria-labelledby="activities-title">
        <h2 id="activities-title">{t('commitment.activities')}</h2>
        <ActivitiesTable
          activities={commitment.activities}
          full
          statusLabel={(s) => (`activityStatus.${s}` in MESSAGES.ar ? t(`activityStatus.${s}` as MessageKey) : s)}
          locale={locale}
          t={t}
          f={f}
        />
        {commitment.indicators.length ? (
          <>
            <h3>{t('commitment.indicators')}</h3>
            <DataTable
              columns={[
                t('commitment.indicator'),
                { label: t('commitment.baseline'), className: 'num' },
                { label: t('commitment.target'), className: 'num' },
                { label: t('commitment.current'), className: 'num' },
              ]}
            >
              {commitment.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Localized text={i.title} locale={locale} />
                    {i.unit ? <span className="muted"> ({i.unit})</span> : null}
                  </th>
                  <td className="num">{f.number(i.baseline, 2)}</td>
                  <td className="num">{f.number(i.target, 2)}</td>
                  <td className="num">{i.current === null ? '—' : f.number(i.current, 2)}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : null}
      </section>

      <section className="page-section" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('commitment.reports')}</h2>
        {!reports?.items.length ? <p>{t('commitment.noReports')}</p> : null}
        <ol className="plain timeline">
          {reports?.items.map((r) => (
            <li key={r.id} className="card">
              <h3>
                {r.activityId ? (
                  <Localized text={activityTitle.get(r.activityId)} locale={locale} />
                ) : (
                  t('commitment.reports')
                )}{' '}
                <span className="muted">{t('commitment.reportedOn', { date: f.date(r.reportedOn) })}</span>
              </h3>
              <p>
                {t('common.progress')}: <strong className="num">{f.percent(r.progress)}</strong>
              </p>
              {pick(r.results, locale) ? (
                <p className="prose">
                  <Localized text={r.results} locale={locale} />
                </p>
              ) : null}
              {r.evidence.length ? (
                <>
                  <h4>{t('commitment.evidence')}</h4>
                  <ul>
                    {r.evidence.map((e, i) => (
                      <li key={i}>
                        {e.fileId ? (
                          <a href={`/files/evidence/${e.fileId}`} download>
                            {t('commitment.file', {
                              name: e.name ?? e.fileId,
                              size: t('openData.kb', { size: f.number((e.size ?? 0) / 1024, 1) }),
                            })}
                          </a>
                        ) : e.url ? (
                          <a href={e.url} rel="noopener noreferrer nofollow" dir="auto">
                            {e.title || e.url}
                          </a>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="page-section" aria-labelledby="communications-title">
        <h2 id="communications-title">{t('commitment.communications')}</h2>
        {!comms.length ? <p>{t('commitment.noCommunications')}</p> : null}
        <ul className="plain">
          {comms.map((c) => (
            <li key={c.id} className="card">
              <strong>
                <Localized text={c.title} locale={locale} />
              </strong>{' '}
              <span className="badge">
                {`communicationKind.${c.kind}` in MESSAGES.ar ? t(`communicationKind.${c.kind}` as MessageKey) : c.kind}
              </span>{' '}
              <span className="muted">{f.date(c.happenedOn)}</span>
              {c.link ? (
                <>
                  {' '}
                  <a href={c.link} rel="noopener noreferrer nofollow" dir="ltr">
                    {c.link}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="page-section" aria-labelledby="history-title">
        <h2 id="history-title">{t('commitment.history')}</h2>
        {!history?.items.length ? (
          <p>{t('commitment.noHistory')}</p>
        ) : (
          <DataTable
            columns={[
              t('commitment.when'),
              t('commitment.who'),
              t('commitment.what'),
              t('commitment.before'),
              t('commitment.after'),
            ]}
          >
            {history.items.map((h, i) => (
              <tr key={i}>
                <td>{f.dateTime(h.at)}</td>
                <td>
                  {h.actorId ? (
                    <>
                      {t('commitment.actor')} <bdi dir="ltr">{h.actorId.slice(0, 8)}</bdi>
                    </>
                  ) : (
                    t('commitment.system')
                  )}
                </td>
                <td>{`history.${h.action}` in MESSAGES.ar ? t(`history.${h.action}` as MessageKey) : h.action}</td>
                <td>
                  <ChangeValue value={h.before} locale={locale} t={t} f={f} />
                </td>
                <td>
                  <ChangeValue value={h.after} locale={locale} t={t} f={f} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {plan ? (
        <p>
          <a href={`/${locale}/plans/${plan.id}`}>{t('commitment.backToPlan')}</a>
        </p>
      ) : null}
    </>
  );
}
