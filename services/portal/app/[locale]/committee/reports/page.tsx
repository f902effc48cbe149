import { ActionForm } from '../../../../components/citizen/action-form';
import { staffAccount } from '../../../../components/pm/pm-access';
import { requestMonthlyReport } from '../../../../components/pm/pm-actions';
import { AlertView } from '../../../../components/pm/pm-views';
import { CommitteeNav, SpaceRefused } from '../../../../components/pm/space-views';
import { gateway } from '../../../../gateway/gateway-client';
import { readOrMissing } from '../../../../gateway/read-or-missing';
import type { Page, PlanView, ProgrammePlans, ReportView } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { localeTools } from '../../../../i18n/request-locale';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';

export const generateMetadata = titled('committee.reports.title');

/** The platform reminds the committee of its quarterly meeting on the first day of each quarter (reporting's schedule, 08:00). */
function nextQuarterStart(now = new Date()): string {
  const month = Math.floor(now.getUTCMonth() / 3) * 3 + 3;
  const year = now.getUTCFullYear() + (month >= 12 ? 1 : 0);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/** The monthly report (a plan's dashboard, produced by the workers and downloaded here) and the quarterly meeting reminder. */
export default async function CommitteeReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { account, allowed } = await staffAccount(locale, '/committee/reports', [
    'committee_member',
    'coordinator',
    'admin',
  ]);
  if (!allowed) return <SpaceRefused locale={locale} t={t} title="committee.title" body="committee.notMember" />;
  const api = await gateway.user(locale);
  const programmeIds = account.scopes.programmes.slice(0, 10);
  const [programmePlans, reports, monthly, meetings] = await Promise.all([
    Promise.all(
      programmeIds.map((id) => readOrMissing(api.get<ProgrammePlans>('/programmes/{id}/plans', { path: { id } }))),
    ),
    api.get<Page<ReportView>>('/reports', { query: { limit: 100 } }),
    api.get<Page<AlertView>>('/alerts', { query: { kind: 'periodic_report', limit: 1 } }),
    api.get<Page<AlertView>>('/alerts', { query: { kind: 'meeting_reminder', limit: 1 } }),
  ]);
  const plans: PlanView[] = programmePlans.flatMap((p) => p?.plans ?? []);
  const planIds = new Set(plans.map((p) => p.id));
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));
  const mine = reports.items
    .filter((r) => r.kind === 'plan_dashboard' && planIds.has(String(r.params.planId)))
    .slice(0, 20);
  const current = plans.find((p) => p.status === 'in_implementation') ?? plans[0];
  const highlighted = (await searchParams).report;
  const lastMonthly = monthly.items[0];
  const lastMeeting = meetings.items[0];

  return (
    <>
      <h1>{t('committee.title')}</h1>
      <CommitteeNav locale={locale} t={t} current="/reports" />
      <section className="page-section" aria-labelledby="monthly">
        <h2 id="monthly">{t('committee.reports.monthly')}</h2>
        <p>
          {lastMonthly
            ? t('committee.reports.lastMonthly', { date: f.date(lastMonthly.raisedAt) })
            : t('committee.reports.noMonthly')}
        </p>
        {plans.length ? (
          <div className="narrow-wide">
            <ActionForm
              id="report-request"
              action={requestMonthlyReport}
              csrf={<CsrfField />}
              hidden={{ locale }}
              submit={t('committee.reports.request')}
              fields={[
                {
                  name: 'planId',
                  label: t('committee.reports.plan'),
                  type: 'select',
                  defaultValue: current?.id,
                  options: plans.map((p) => ({ value: p.id, label: pick(p.title, locale) })),
                },
                {
                  name: 'format',
                  label: t('committee.reports.format'),
                  type: 'select',
                  defaultValue: 'pdf',
                  options: ['pdf', 'xlsx', 'csv'].map((v) => ({ value: v, label: v.toUpperCase() })),
                },
              ]}
            />
          </div>
        ) : (
          <p>{t('committee.reports.noPlans')}</p>
        )}
        <h3 id="reports-list">{t('committee.reports.latest')}</h3>
        {mine.length === 0 ? <p>{t('committee.reports.none')}</p> : null}
        <ul className="plain section-list report-list">
          {mine.map((r) => (
            <li
              key={r.id}
              className={`card${r.id === highlighted ? ' card-highlight' : ''}`}
              data-report={r.id}
              data-status={r.status}
            >
              <strong>{pick(planTitle.get(String(r.params.planId)), locale)}</strong>{' '}
              <span className="badge">{r.format.toUpperCase()}</span>{' '}
              <span className="muted">{f.dateTime(r.createdAt)}</span>{' '}
              <span>{t(`committee.reports.status.${r.status}` as MessageKey)}</span>{' '}
              {r.status === 'done' ? (
                <a href={`/files/reports/${r.id}`} download>
                  {t('common.download')}
                  {r.size ? ` (${t('openData.kb', { size: f.number(r.size / 1024, 1) })})` : ''}
                </a>
              ) : r.status === 'failed' ? null : (
                <a href={`/${locale}/committee/reports?report=${r.id}#reports-list`}>
                  {t('committee.reports.refresh')}
                </a>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="page-section" aria-labelledby="meeting">
        <h2 id="meeting">{t('committee.meeting.title')}</h2>
        <dl className="facts">
          <dt>{t('committee.meeting.next')}</dt>
          <dd id="next-meeting-reminder">{f.date(nextQuarterStart())}</dd>
          <dt>{t('committee.meeting.last')}</dt>
          <dd>{lastMeeting ? f.date(lastMeeting.raisedAt) : t('common.none')}</dd>
        </dl>
        <p className="muted">{t('committee.meeting.explain')}</p>
      </section>
    </>
  );
}
