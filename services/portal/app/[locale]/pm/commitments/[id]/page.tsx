import { Breadcrumb } from '../../../../../components/breadcrumb';
import { ActionForm } from '../../../../../components/citizen/action-form';
import { LiveProgress } from '../../../../../components/live-progress';
import { Localized } from '../../../../../components/localized';
import { NotFoundView } from '../../../../../components/not-found-view';
import { EvidenceFileCheck } from '../../../../../components/pm/evidence-file-check';
import { canActOnInstitution, staffAccount } from '../../../../../components/pm/pm-access';
import {
  addActivity,
  addCommunication,
  raiseBlocker,
  removeActivity,
  reportProgress,
  setIndicator,
  setWeights,
} from '../../../../../components/pm/pm-actions';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../../../../../components/pm/pm-form-state';
import { BlockerView, daysSince } from '../../../../../components/pm/pm-views';
import { PageToc, SpaceRefused } from '../../../../../components/pm/space-views';
import { WeightsEditor } from '../../../../../components/pm/weights-editor';
import { ProgressBar } from '../../../../../components/progress-bar';
import { gateway } from '../../../../../gateway/gateway-client';
import { isUuid, readOrMissing } from '../../../../../gateway/read-or-missing';
import { COMPLETION_LEVELS } from '../../../../../gateway/views';
import type { CommitmentView, Page, PlanView } from '../../../../../gateway/views';
import { DISPLAY_TIME_ZONE } from '../../../../../i18n/format';
import { pick } from '../../../../../i18n/localized-text';
import { localeTools } from '../../../../../i18n/request-locale';
import { MessageKey } from '../../../../../i18n/translator';
import { CsrfField } from '../../../../../session/csrf-field';
import { titled } from '../../../../../components/page-props';
import { ActivitiesTable } from '../../../../../components/activities-table';
import { CloseBlockerForm, BlockerTitle } from '../../../../../components/pm/blocker-parts';
import { CommitmentBadges, CommitmentName } from '../../../../../components/commitment-card';

type Params = Promise<{ locale: string; id: string }>;

export const generateMetadata = titled('pm.commitment.title');

const COMMUNICATION_KINDS = ['press', 'social_media', 'event', 'publication', 'other'] as const;

/**
 * One commitment of the manager's institution, to act on: report progress (with evidence), weights
 * with their preview, activities, indicators, communication, blockers. A commitment of another
 * institution is refused here (and by the commitments service on every write).
 */
export default async function PmCommitmentPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { id } = await params;
  const { account, allowed } = await staffAccount(locale, `/pm/commitments/${id}`, [
    'project_manager',
    'coordinator',
    'admin',
  ]);
  if (!allowed) return <SpaceRefused locale={locale} t={t} title="pm.commitment.title" body="pm.notProjectManager" />;
  if (!isUuid(id)) return <NotFoundView locale={locale} t={t} />;
  const api = await gateway.user(locale);
  const commitment = await readOrMissing(api.get<CommitmentView>('/commitments/{id}', { path: { id } }));
  if (!commitment) return <NotFoundView locale={locale} t={t} />;
  if (!canActOnInstitution(account, commitment.leadInstitutionId))
    return <SpaceRefused locale={locale} t={t} title="pm.notYours.title" body="pm.notYours.body" />;
  const [plan, blockers] = await Promise.all([
    readOrMissing(api.get<PlanView>('/plans/{id}', { path: { id: commitment.planId } })),
    api.get<Page<BlockerView>>('/blockers', { query: { commitmentId: id, limit: 50 } }),
  ]);
  const area = plan?.areas.find((a) => a.id === commitment.areaId);
  const search = await searchParams;
  const chosen =
    typeof search.activity === 'string' && commitment.activities.some((a) => a.id === search.activity)
      ? search.activity
      : '';
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const hidden = { locale, commitmentId: commitment.id };
  const activityOptions = commitment.activities.map((a) => ({ value: a.id, label: pick(a.title, locale) }));
  const titleFields = (prefix: string, label: MessageKey) => [
    { name: `${prefix}_ar`, label: t(label, { language: 'العربية' }), required: true, maxLength: 300 },
    { name: `${prefix}_fr`, label: t(label, { language: 'Français' }), maxLength: 300 },
    { name: `${prefix}_en`, label: t(label, { language: 'English' }), maxLength: 300 },
  ];
  const since = commitment.lastReportAt ? daysSince(commitment.lastReportAt) : null;

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          { label: t('pm.dashboard.title'), href: `/${locale}/pm` },
          { label: t('plan.number', { number: commitment.number }) },
        ]}
      />
      <h1>
        <CommitmentName commitment={commitment} locale={locale} t={t} />
      </h1>
      <p className="meta">
        <CommitmentBadges commitment={commitment} t={t} />
        <span>
          {since === null
            ? t('pm.dashboard.neverReported')
            : t('pm.dashboard.lastReport', { days: since, date: f.date(commitment.lastReportAt!) })}
        </span>
      </p>
      <PageToc
        label={t('pm.commitment.sections')}
        items={[
          { href: '#report', label: t('pm.report.title') },
          { href: '#weights', label: t('pm.weights.title') },
          { href: '#activities', label: t('commitment.activities') },
          { href: '#indicators', label: t('commitment.indicators') },
          { href: '#communication', label: t('pm.communication.title') },
          { href: '#blockers', label: t('pm.blocker.title') },
        ]}
      />
      <section className="page-section" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('pm.commitment.progress')}</h2>
        <dl className="facts progress-facts">
          <dt>{t('pm.commitment.commitmentProgress')}</dt>
          <dd id="commitment-progress" data-value={commitment.progress}>
            <ProgressBar
              value={commitment.progress}
              label={t('pm.commitment.commitmentProgress')}
              locale={locale}
              f={f}
              size="small"
              live={`commitment:${commitment.id}`}
            />
          </dd>
          {area ? (
            <>
              <dt>{t('pm.commitment.areaProgress', { area: pick(area.title, locale) })}</dt>
              <dd id="area-progress" data-value={area.progress}>
                <ProgressBar
                  value={area.progress}
                  label={pick(area.title, locale)}
                  locale={locale}
                  f={f}
                  size="small"
                  live={`area:${area.id}`}
                />
              </dd>
            </>
          ) : null}
          {plan ? (
            <>
              <dt>{t('pm.commitment.planProgress', { plan: pick(plan.title, locale) })}</dt>
              <dd id="plan-progress" data-value={plan.progress}>
                <ProgressBar
                  value={plan.progress}
                  label={pick(plan.title, locale)}
                  locale={locale}
                  f={f}
                  size="small"
                  live={`plan:${plan.id}`}
                />
              </dd>
            </>
          ) : null}
        </dl>
        {plan ? (
          <LiveProgress
            planId={plan.id}
            locale={locale}
            announcement={t('pm.dashboard.liveUpdated', { progress: '{progress}' })}
            levelLabels={
              Object.fromEntries(
                COMPLETION_LEVELS.map((level) => [level, t(`level.${level}` as MessageKey)]),
              ) as Record<(typeof COMPLETION_LEVELS)[number], string>
            }
          />
        ) : null}
        <p>
          <a href={`/${locale}/commitments/${commitment.id}`}>{t('pm.commitment.publicPage')}</a>
        </p>
      </section>

      <section className="page-section narrow-wide" aria-labelledby="report">
        <h2 id="report">{t('pm.report.title')}</h2>
        <ActionForm
          id="report-form"
          action={reportProgress}
          csrf={<CsrfField />}
          hidden={hidden}
          submit={t('pm.report.submit')}
          fields={[
            {
              name: 'activityId',
              label: t('commitment.activity'),
              type: 'select',
              required: true,
              defaultValue: chosen || activityOptions[0]?.value,
              options: activityOptions,
            },
            {
              name: 'progress',
              label: t('pm.report.progress'),
              type: 'number',
              step: 'any',
              dir: 'ltr',
              hint: t('pm.report.progressHint'),
            },
            { name: 'complete', label: t('pm.report.markDone'), type: 'checkbox' },
            {
              name: 'reportedOn',
              label: t('pm.report.reportedOn'),
              type: 'date',
              required: true,
              defaultValue: today,
              dir: 'ltr',
            },
            {
              name: 'results_ar',
              label: t('pm.report.results', { language: 'العربية' }),
              type: 'textarea',
              rows: 3,
              maxLength: 10000,
              hint: t('pm.arabicFirst'),
            },
            {
              name: 'results_fr',
              label: t('pm.report.results', { language: 'Français' }),
              type: 'textarea',
              rows: 3,
              maxLength: 10000,
            },
            {
              name: 'results_en',
              label: t('pm.report.results', { language: 'English' }),
              type: 'textarea',
              rows: 3,
              maxLength: 10000,
            },
            { name: 'evidenceUrl', label: t('pm.report.evidenceUrl'), type: 'url', dir: 'ltr', maxLength: 2000 },
            { name: 'evidenceTitle', label: t('pm.report.evidenceTitle'), maxLength: 200 },
            {
              name: 'file',
              label: t('pm.report.file'),
              type: 'file',
              accept: Object.entries(EVIDENCE_ACCEPT).flat().join(','),
              hint: t('pm.file.hint', { max: f.number(EVIDENCE_MAX_BYTES / 1024) }),
            },
          ]}
        >
          <EvidenceFileCheck
            inputId="report-form-file"
            locale={locale}
            messages={{
              ready: t('pm.file.ready', { name: '{name}', size: '{size}' }),
              tooBig: t('pm.file.tooBig', { max: f.number(EVIDENCE_MAX_BYTES / 1024) }),
              badType: t('pm.file.badType'),
            }}
          />
        </ActionForm>
      </section>

      <section className="page-section" aria-labelledby="weights">
        <h2 id="weights">{t('pm.weights.title')}</h2>
        {commitment.activities.length ? (
          <WeightsEditor
            id="weights-form"
            action={setWeights}
            csrf={<CsrfField />}
            hidden={hidden}
            locale={locale}
            weighted={commitment.trackingStrategy === 'weighted_activities'}
            activities={commitment.activities.map((a) => ({
              id: a.id,
              title: <Localized text={a.title} locale={locale} />,
              weight: a.weight,
              progress: a.progress,
            }))}
            labels={{
              caption: t('pm.weights.title'),
              activity: t('commitment.activity'),
              weight: t('commitment.weight'),
              share: t('pm.weights.share'),
              progress: t('common.progress'),
              result: t('pm.weights.result'),
              hint: t('pm.weights.hint'),
              preview: t('pm.weights.preview'),
              save: t('pm.weights.save'),
              notWeighted: t('pm.weights.notWeighted'),
            }}
          />
        ) : (
          <p>{t('pm.activity.none')}</p>
        )}
      </section>

      <section className="page-section" aria-labelledby="activities">
        <h2 id="activities">{t('commitment.activities')}</h2>
        <ActivitiesTable
          activities={commitment.activities}
          full={false}
          statusLabel={(s) => t(`activityStatus.${s}` as MessageKey)}
          locale={locale}
          t={t}
          f={f}
        />
        <div className="two-forms">
          <div>
            <h3 id="add-activity-title">{t('pm.activity.add')}</h3>
            <ActionForm
              id="add-activity"
              action={addActivity}
              csrf={<CsrfField />}
              hidden={hidden}
              submit={t('pm.activity.addSubmit')}
              fields={[
                ...titleFields('title', 'pm.titleIn'),
                { name: 'startDate', label: t('commitment.start'), type: 'date', required: true, dir: 'ltr' },
                { name: 'endDate', label: t('commitment.end'), type: 'date', required: true, dir: 'ltr' },
                { name: 'weight', label: t('commitment.weight'), dir: 'ltr', hint: t('pm.weights.hint') },
                { name: 'responsible', label: t('pm.activity.responsible'), maxLength: 200 },
              ]}
            />
          </div>
          {commitment.activities.length ? (
            <div>
              <h3 id="remove-activity-title">{t('pm.activity.remove')}</h3>
              <ActionForm
                id="remove-activity"
                action={removeActivity}
                csrf={<CsrfField />}
                hidden={hidden}
                submit={t('pm.activity.removeSubmit')}
                quiet
                fields={[
                  {
                    name: 'activityId',
                    label: t('commitment.activity'),
                    type: 'select',
                    defaultValue: '',
                    options: [{ value: '', label: t('pm.activity.choose') }, ...activityOptions],
                  },
                  { name: 'confirm', label: t('pm.activity.confirm'), type: 'checkbox' },
                ]}
              />
            </div>
          ) : null}
        </div>
      </section>

      <section className="page-section" aria-labelledby="indicators">
        <h2 id="indicators">{t('commitment.indicators')}</h2>
        {commitment.indicators.length === 0 ? <p>{t('pm.indicator.none')}</p> : null}
        <ul className="section-list">
          {commitment.indicators.map((i, n) => (
            <li key={i.id} className="card">
              <h3 className="card-title">
                <Localized text={i.title} locale={locale} />
                {i.unit ? <span className="muted"> ({i.unit})</span> : null}
              </h3>
              <ActionForm
                id={`indicator-${n}`}
                action={setIndicator}
                csrf={<CsrfField />}
                hidden={{ ...hidden, indicatorId: i.id }}
                submit={t('pm.indicator.save')}
                quiet
                fields={[
                  {
                    name: 'baseline',
                    label: t('commitment.baseline'),
                    type: 'number',
                    step: 'any',
                    dir: 'ltr',
                    defaultValue: String(i.baseline),
                  },
                  {
                    name: 'target',
                    label: t('commitment.target'),
                    type: 'number',
                    step: 'any',
                    dir: 'ltr',
                    defaultValue: String(i.target),
                  },
                  {
                    name: 'current',
                    label: t('commitment.current'),
                    type: 'number',
                    step: 'any',
                    dir: 'ltr',
                    defaultValue: i.current === null ? '' : String(i.current),
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      </section>

      <section className="page-section narrow-wide" aria-labelledby="communication">
        <h2 id="communication">{t('pm.communication.title')}</h2>
        <ActionForm
          id="communication-form"
          action={addCommunication}
          csrf={<CsrfField />}
          hidden={hidden}
          submit={t('pm.communication.submit')}
          fields={[
            {
              name: 'kind',
              label: t('pm.communication.kind'),
              type: 'select',
              options: COMMUNICATION_KINDS.map((k) => ({ value: k, label: t(`communicationKind.${k}` as MessageKey) })),
            },
            ...titleFields('title', 'pm.titleIn'),
            {
              name: 'happenedOn',
              label: t('pm.communication.happenedOn'),
              type: 'date',
              required: true,
              defaultValue: today,
              dir: 'ltr',
            },
            { name: 'link', label: t('pm.communication.link'), type: 'url', dir: 'ltr', maxLength: 2000 },
          ]}
        />
      </section>

      <section className="page-section" aria-labelledby="blockers">
        <h2 id="blockers">{t('pm.blocker.title')}</h2>
        {blockers.items.length === 0 ? <p>{t('pm.blocker.none')}</p> : null}
        <ul className="section-list blocker-list">
          {blockers.items.map((b, n) => (
            <li key={b.id} className="card" data-status={b.status}>
              <BlockerTitle blocker={b} t={t} />
              <p className="muted">{t('pm.blocker.raisedOn', { date: f.dateTime(b.raisedAt) })}</p>
              <p dir="auto">{b.description}</p>
              {b.answer ? (
                <div className="answer">
                  <p className="muted">{t('pm.blocker.answerOn', { date: f.dateTime(b.answeredAt ?? b.raisedAt) })}</p>
                  <p dir="auto" className="blocker-answer">
                    {b.answer}
                  </p>
                </div>
              ) : null}
              {b.status === 'answered' ? <CloseBlockerForm n={n} blockerId={b.id} locale={locale} t={t} /> : null}
            </li>
          ))}
        </ul>
        <h3 id="raise-title">{t('pm.blocker.raise')}</h3>
        <div className="narrow-wide">
          <ActionForm
            id="blocker-form"
            action={raiseBlocker}
            csrf={<CsrfField />}
            hidden={hidden}
            submit={t('pm.blocker.submit')}
            fields={[
              {
                name: 'title',
                label: t('pm.blocker.titleLabel'),
                required: true,
                maxLength: 200,
                hint: t('pm.blocker.titleHint'),
              },
              {
                name: 'description',
                label: t('pm.blocker.description'),
                type: 'textarea',
                required: true,
                rows: 4,
                maxLength: 5000,
                hint: t('pm.blocker.descriptionHint'),
              },
            ]}
          />
        </div>
      </section>
    </>
  );
}
