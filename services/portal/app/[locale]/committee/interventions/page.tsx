import { ActionForm } from '../../../../components/citizen/action-form';
import { Localized } from '../../../../components/localized';
import { Pagination } from '../../../../components/pagination';
import { staffAccount } from '../../../../components/pm/pm-access';
import { answerBlocker } from '../../../../components/pm/pm-actions';
import { BlockerView } from '../../../../components/pm/pm-views';
import { CommitteeNav, SpaceRefused } from '../../../../components/pm/space-views';
import { gateway } from '../../../../gateway/gateway-client';
import { pageNumber, readOrMissing } from '../../../../gateway/read-or-missing';
import type { CommitmentView, Page } from '../../../../gateway/views';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { pageCount, pageWindow } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { CloseBlockerForm, BlockerTitle } from '../../../../components/pm/blocker-parts';

export const generateMetadata = titled('committee.interventions.title');

const PAGE_SIZE = 10;
const STATUSES = ['open', 'answered', 'closed'] as const;

/** The intervention requests (blockers escalated by project managers) of the member's programmes: answer them, close them. */
export default async function InterventionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { allowed } = await staffAccount(locale, '/committee/interventions', [
    'committee_member',
    'coordinator',
    'admin',
  ]);
  if (!allowed) return <SpaceRefused locale={locale} t={t} title="committee.title" body="committee.notMember" />;
  const search = await searchParams;
  const raw = typeof search.status === 'string' ? search.status : 'open';
  const status = raw === 'all' ? undefined : (STATUSES.find((s) => s === raw) ?? 'open');
  const page = pageNumber(typeof search.page === 'string' ? search.page : undefined);
  const api = await gateway.user(locale);
  const blockers = await api.get<Page<BlockerView>>('/blockers', {
    query: { status, ...pageWindow(page, PAGE_SIZE) },
  });
  const ids = [...new Set(blockers.items.map((b) => b.commitmentId))];
  const commitments = new Map(
    (await Promise.all(ids.map((id) => readOrMissing(api.get<CommitmentView>('/commitments/{id}', { path: { id } })))))
      .filter((c) => c !== null)
      .map((c) => [c.id, c]),
  );
  const pages = pageCount(blockers.total, PAGE_SIZE);
  const base = `/${locale}/committee/interventions`;
  const tabs: [string, MessageKey][] = [
    ...STATUSES.map((s): [string, MessageKey] => [s, `pm.blocker.status.${s}` as MessageKey]),
    ['all', 'common.all'],
  ];

  return (
    <>
      <h1>{t('committee.title')}</h1>
      <CommitteeNav locale={locale} t={t} current="/interventions" />
      <section className="page-section" aria-labelledby="requests">
        <h2 id="requests">{t('committee.interventions.title')}</h2>
        <p>{t('committee.interventions.intro')}</p>
        <nav className="tabs" aria-label={t('committee.interventions.filter')}>
          <ul>
            {tabs.map(([value, label]) => (
              <li key={value}>
                {value === (status ?? 'all') ? (
                  <span aria-current="page">{t(label)}</span>
                ) : (
                  <a href={`${base}?status=${value}`}>{t(label)}</a>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <p role="status" className="muted">
          {t('common.results', { count: blockers.total })}
        </p>
        {blockers.items.length === 0 ? <p>{t('committee.interventions.none')}</p> : null}
        <ol className="plain section-list blocker-list">
          {blockers.items.map((b, n) => {
            const c = commitments.get(b.commitmentId);
            return (
              <li key={b.id} className="card" data-status={b.status} data-blocker={b.id}>
                <BlockerTitle blocker={b} t={t} />
                <p className="meta">
                  {c ? (
                    <a href={`/${locale}/commitments/${c.id}`}>
                      <span className="number">{t('plan.number', { number: c.number })}</span>{' '}
                      <Localized text={c.title} locale={locale} />
                    </a>
                  ) : null}
                  <span className="muted">{t('pm.blocker.raisedOn', { date: f.dateTime(b.raisedAt) })}</span>
                </p>
                <p dir="auto">{b.description}</p>
                {b.answer ? (
                  <div className="answer">
                    <p className="muted">
                      {t('pm.blocker.answerOn', { date: f.dateTime(b.answeredAt ?? b.raisedAt) })}
                    </p>
                    <p dir="auto" className="blocker-answer">
                      {b.answer}
                    </p>
                  </div>
                ) : null}
                {b.status !== 'closed' ? (
                  <>
                    <ActionForm
                      id={`answer-${n}`}
                      action={answerBlocker}
                      csrf={<CsrfField />}
                      hidden={{ locale, blockerId: b.id }}
                      submit={b.answer ? t('committee.interventions.answerAgain') : t('committee.interventions.answer')}
                      fields={[
                        {
                          name: 'answer',
                          label: t('committee.interventions.answerLabel'),
                          type: 'textarea',
                          rows: 4,
                          required: true,
                          maxLength: 5000,
                          defaultValue: b.answer ?? '',
                          hint: t('pm.blocker.answerHint'),
                        },
                      ]}
                    />
                    <CloseBlockerForm n={n} blockerId={b.id} locale={locale} t={t} />
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Pagination
          basePath={base}
          params={{ status: raw === 'open' ? undefined : raw }}
          page={Math.min(page, pages)}
          pages={pages}
          t={t}
          anchor="requests"
        />
      </section>
    </>
  );
}
