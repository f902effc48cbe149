import { ActionForm } from '../../../../components/citizen/action-form';
import { retryDeadLetter } from '../../../../components/coord/dead-letter-actions';
import { Pagination } from '../../../../components/pagination';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { pageCount, pageWindow, SelectFilter, FilterForm, DataTable } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

const PAGE_SIZE = 20;
const STATES = [
  'active',
  'waiting',
  'delayed',
  'completed',
  'failed',
  'paused',
  'prioritized',
  'waiting-children',
] as const;

interface JobsOverview {
  counts: Record<string, number>;
  schedulers: { key: string; name: string; pattern: string | null; next: string | null }[];
  recent: {
    id: string;
    name: string;
    state: string;
    progress: unknown;
    failedReason: string | null;
    finishedOn: string | null;
  }[];
}
interface DeadLetter {
  id: string;
  kind: 'email' | 'event';
  subject: string;
  reason: string;
  at: string;
}

export const generateMetadata = titled('admin.jobs.title');

/**
 * The background jobs (the reporting service's BullMQ queue: counts by state, schedules, the latest
 * jobs filtered by state in the URL) and the dead letters (e-mails given up after every retry, with
 * a retry button; events no consumer could handle), 20 a page.
 */
export default async function JobsPage(props: PageProps) {
  const opened = await openStaffPage(props, '/admin/jobs', ['admin']);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const state = STATES.find((s) => s === search.state);
  const page = pageNumber(search.page);
  const [jobs, dead] = await Promise.all([
    api.get<JobsOverview>('/admin/jobs'),
    api.get<Page<DeadLetter>>('/admin/dead-letters', { query: pageWindow(page, PAGE_SIZE) }),
  ]);
  const recent = jobs.recent.filter((j) => !state || j.state === state);
  const pages = pageCount(dead.total, PAGE_SIZE);
  const base = `/${locale}/admin/jobs`;
  const stateLabel = (s: string) =>
    (STATES as readonly string[]).includes(s) ? t(`admin.jobs.states.${s.replace('-', '_')}` as MessageKey) : s;
  return (
    <section className="page-section" aria-labelledby="jobs-title">
      <h1 id="jobs-title">{t('admin.jobs.title')}</h1>
      <p className="lead">{t('admin.jobs.intro')}</p>
      {search.retried === '1' ? (
        <p className="form-done" role="status" id="jobs-retried">
          {t('admin.jobs.retried')}
        </p>
      ) : null}

      <h2 id="counts-title">{t('admin.jobs.counts')}</h2>
      <ul className="key-figures" aria-labelledby="counts-title" id="job-counts">
        {Object.entries(jobs.counts).map(([s, n]) => (
          <li key={s} data-state={s} className={s === 'failed' && n > 0 ? 'job-failed' : undefined}>
            <a href={`${base}?state=${s}#recent-title`}>
              {stateLabel(s)}: {f.number(n)}
            </a>
          </li>
        ))}
      </ul>

      <h2 id="schedules-title">{t('admin.jobs.schedules')}</h2>
      <DataTable
        label={t('admin.jobs.schedules')}
        labelledBy="schedules-title"
        columns={[t('admin.jobs.name'), t('admin.jobs.pattern'), t('admin.jobs.next')]}
      >
        {jobs.schedulers.map((s) => (
          <tr key={s.key}>
            <th scope="row" dir="ltr">
              {s.name}
            </th>
            <td dir="ltr">
              <code>{s.pattern ?? '—'}</code>
            </td>
            <td>{s.next ? <time dateTime={s.next}>{f.dateTime(s.next)}</time> : '—'}</td>
          </tr>
        ))}
      </DataTable>

      <h2 id="recent-title" tabIndex={-1}>
        {t('admin.jobs.recent')}
      </h2>
      <FilterForm action={`${base}#recent-title`} label={t('admin.jobs.filter')} t={t}>
        <SelectFilter
          id="state"
          name="state"
          label={t('admin.jobs.state')}
          value={state}
          options={STATES.map((s) => ({ value: s, label: stateLabel(s) }))}
          t={t}
        />
      </FilterForm>
      <DataTable
        id="recent-jobs"
        label={t('admin.jobs.recent')}
        labelledBy="recent-title"
        columns={[t('admin.jobs.name'), t('admin.jobs.state'), t('admin.jobs.finishedOn'), t('admin.jobs.failure')]}
      >
        {recent.map((j) => (
          <tr key={j.id} data-state={j.state}>
            <th scope="row" dir="ltr">
              {j.name} <span className="muted">#{j.id}</span>
            </th>
            <td className={j.state === 'failed' ? 'job-failed' : undefined}>{stateLabel(j.state)}</td>
            <td>{j.finishedOn ? <time dateTime={j.finishedOn}>{f.dateTime(j.finishedOn)}</time> : '—'}</td>
            <td dir="ltr">{j.failedReason ?? '—'}</td>
          </tr>
        ))}
      </DataTable>

      <h2 id="dead-letters" tabIndex={-1}>
        {t('admin.jobs.deadLetters')}
      </h2>
      <p className="muted">{t('admin.jobs.deadLettersIntro')}</p>
      <p className="muted" role="status">
        {t('common.results', { count: dead.total })}
      </p>
      <ul className="section-list" id="dead-letter-list">
        {dead.items.map((d) => (
          <li key={d.id} className="card" data-dead={d.id}>
            <p className="card-title" dir="auto">
              {d.subject}
            </p>
            <dl className="facts">
              <dt>{t('admin.jobs.kind')}</dt>
              <dd>{t(`admin.jobs.kinds.${d.kind}` as MessageKey)}</dd>
              <dt>{t('admin.jobs.at')}</dt>
              <dd>
                <time dateTime={d.at}>{f.dateTime(d.at)}</time>
              </dd>
              <dt>{t('admin.jobs.failure')}</dt>
              <dd dir="ltr">{d.reason || '—'}</dd>
            </dl>
            {d.kind === 'email' ? (
              <ActionForm
                id={`retry-${d.id}`}
                action={retryDeadLetter}
                csrf={<CsrfField />}
                hidden={{ locale, id: d.id }}
                submit={t('admin.jobs.retry')}
                quiet
                fields={[]}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination basePath={base} params={{ state }} page={page} pages={pages} t={t} anchor="dead-letters" />
    </section>
  );
}
