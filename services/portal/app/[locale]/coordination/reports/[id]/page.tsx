import { ReportProgressLive } from '../../../../../components/coord/report-progress-live';
import type { ReportView } from '../../../../../components/coord/report-views';
import { MessageKey } from '../../../../../i18n/translator';
import { titled } from '../../../../../components/page-props';
import { COORDINATION_ROLES, openStaffRecord } from '../../../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../../../components/coord/staff-page';

export const generateMetadata = titled('coord.reports.one');

/**
 * One report job: its progress bar fed by the job's progress (the client component asks every
 * second; without JavaScript the page refreshes itself every two seconds while the job runs, and a
 * link reloads it), then the download.
 */
export default async function ReportPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/coordination/reports/${id}`,
    COORDINATION_ROLES,
    (api, id) => api.get<ReportView>('/reports/{id}', { path: { id } }),
  );
  if (opened.view) return opened.view;
  const { locale, t, f, record: report } = opened;
  const finished = report.status === 'done' || report.status === 'failed';
  const statuses = {
    queued: t('coord.reports.statuses.queued'),
    running: t('coord.reports.statuses.running'),
    done: t('coord.reports.statuses.done'),
    failed: t('coord.reports.statuses.failed'),
  };
  return (
    <section className="page-section narrow-wide" aria-labelledby="report-title">
      {finished ? null : (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      )}
      <h1 id="report-title">{t(`coord.reports.kinds.${report.kind}` as MessageKey)}</h1>
      <dl className="facts">
        <dt>{t('coord.reports.format')}</dt>
        <dd>{report.format.toUpperCase()}</dd>
        <dt>{t('coord.reports.requestedAt')}</dt>
        <dd>
          <time dateTime={report.createdAt}>{f.dateTime(report.createdAt)}</time>
        </dd>
      </dl>
      <ReportProgressLive
        statusUrl={`/${locale}/coordination/reports/${report.id}/status`}
        initial={{ status: report.status, progress: report.progress }}
        labels={{ progress: t('coord.reports.progress'), statuses }}
      />
      {report.status === 'done' ? (
        <p>
          <a className="button" id="report-download" href={`/files/reports/${report.id}`} download>
            {t('coord.reports.download', {
              format: report.format.toUpperCase(),
              size: f.number(Math.max(1, Math.round((report.size ?? 0) / 1024))),
            })}
          </a>
        </p>
      ) : null}
      {report.status === 'failed' ? (
        <p className="form-error" role="alert">
          {t('coord.reports.failed')}
        </p>
      ) : null}
      {finished ? null : (
        <p className="muted">
          {t('coord.reports.noScript')}{' '}
          <a href={`/${locale}/coordination/reports/${report.id}`}>{t('coord.reports.reload')}</a>
        </p>
      )}
      <p>
        <a href={`/${locale}/coordination/reports`}>{t('coord.reports.back')}</a>
      </p>
    </section>
  );
}
