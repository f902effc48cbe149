import { ActionForm } from '../../../../../components/citizen/action-form';
import type { CycleView } from '../../../../../components/citizen/cycle-view';
import {
  markAttendance,
  rankProblems,
  recordWorkshopIdea,
  saveOutputs,
} from '../../../../../components/coord/workshop-actions';
import { pick } from '../../../../../i18n/localized-text';
import { CsrfField } from '../../../../../session/csrf-field';
import { COORDINATION_ROLES, openStaffRecord, StaffPageProps } from '../../../../../components/coord/staff-page';
import { titled } from '../../../../../components/page-props';
import type { WorkshopView } from '../../../../../gateway/views';

export const generateMetadata = titled('coord.workshop.title');

/**
 * A workshop as the coordination team runs it: its agenda, attendance by the participants'
 * confirmation codes, the ideas written down there, the ranking of problems, its report and recording.
 */
export default async function CoordinationWorkshopPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/coordination/workshops/${id}`,
    COORDINATION_ROLES,
    (api, id) => api.get<WorkshopView>('/workshops/{id}', { path: { id } }),
  );
  if (opened.view) return opened.view;
  const { locale, t, f, api, search, record: workshop } = opened;
  const saved = search.saved;
  const cycle = await api.get<CycleView>('/cycles/{id}', { path: { id: workshop.cycleId } });
  const theme = cycle.themes.find((th) => th.id === workshop.themeId);
  return (
    <section className="page-section narrow-wide" aria-labelledby="workshop-title">
      <p>
        <a href={`/${locale}/coordination/workshops?cycle=${cycle.id}`}>{pick(cycle.title, locale)}</a>
      </p>
      <h1 id="workshop-title">
        {f.number(workshop.number)}. {pick(workshop.title, locale)}
      </h1>
      {saved === 'problems' || saved === 'outputs' ? (
        <p className="form-done" role="status" id="workshop-saved">
          {t(saved === 'problems' ? 'coord.workshop.problemsSaved' : 'coord.workshop.outputsSaved')}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('citizen.idea.theme')}</dt>
        <dd>{theme ? `${f.number(theme.number)}. ${pick(theme.title, locale)}` : ''}</dd>
        <dt>{t('coord.workshop.startsAt')}</dt>
        <dd>
          <time dateTime={workshop.startsAt}>{f.dateTime(workshop.startsAt)}</time>
        </dd>
        <dt>{t('coord.workshop.organiser')}</dt>
        <dd dir="auto">{workshop.organiser}</dd>
        <dt>{t('coord.workshop.registered')}</dt>
        <dd id="workshop-confirmed">
          {f.number(workshop.confirmed)} / {f.number(workshop.capacity)}
        </dd>
        <dt>{t('coord.workshop.present')}</dt>
        <dd id="workshop-present">{f.number(workshop.present)}</dd>
      </dl>

      <h2>{t('coord.workshop.agenda')}</h2>
      {workshop.agenda.length ? (
        <ol id="workshop-agenda">
          {workshop.agenda.map((a, i) => (
            <li key={i}>
              <span dir="auto">{a.item}</span>{' '}
              <span className="muted">({t('coord.workshop.minutes', { count: a.minutes })})</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('common.none')}</p>
      )}

      <h2>{t('coord.workshop.attendance')}</h2>
      <ActionForm
        id="attendance"
        action={markAttendance}
        csrf={<CsrfField />}
        hidden={{ locale, workshopId: workshop.id }}
        submit={t('coord.workshop.markPresent')}
        fields={[
          {
            name: 'codes',
            label: t('coord.workshop.codes'),
            type: 'textarea',
            dir: 'ltr',
            rows: 4,
            required: true,
            hint: t('coord.workshop.codesHint'),
          },
        ]}
      />

      <h2>{t('coord.workshop.ideas')}</h2>
      <ActionForm
        id="workshop-idea"
        action={recordWorkshopIdea}
        csrf={<CsrfField />}
        hidden={{ locale, workshopId: workshop.id }}
        submit={t('coord.workshop.recordIdea')}
        fields={[
          {
            name: 'title',
            label: t('citizen.idea.title'),
            dir: 'auto',
            required: true,
            maxLength: 200,
            hint: t('citizen.idea.titleHint'),
          },
          {
            name: 'body',
            label: t('citizen.idea.body'),
            type: 'textarea',
            dir: 'auto',
            rows: 4,
            required: true,
            maxLength: 5000,
            hint: t('citizen.idea.bodyHint'),
          },
          { name: 'institution', label: t('coord.triage.institution'), dir: 'auto', maxLength: 200 },
        ]}
      />

      <h2>{t('coord.workshop.problems')}</h2>
      {workshop.problems.length ? (
        <ol id="workshop-problems">
          {[...workshop.problems]
            .sort((a, b) => a.priority - b.priority)
            .map((p) => (
              <li key={`${p.priority}-${p.title}`} dir="auto">
                {p.title}
              </li>
            ))}
        </ol>
      ) : null}
      <ActionForm
        id="problems"
        action={rankProblems}
        csrf={<CsrfField />}
        hidden={{ locale, workshopId: workshop.id }}
        submit={t('coord.workshop.saveProblems')}
        fields={[
          {
            name: 'problems',
            label: t('coord.workshop.problemsField'),
            type: 'textarea',
            dir: 'auto',
            rows: 5,
            defaultValue: [...workshop.problems]
              .sort((a, b) => a.priority - b.priority)
              .map((p) => p.title)
              .join('\n'),
            hint: t('coord.workshop.problemsHint'),
          },
        ]}
      />

      <h2>{t('coord.workshop.outputs')}</h2>
      <ActionForm
        id="outputs"
        action={saveOutputs}
        csrf={<CsrfField />}
        hidden={{ locale, workshopId: workshop.id }}
        submit={t('coord.workshop.saveOutputs')}
        fields={[
          {
            name: 'reportUrl',
            label: t('coord.workshop.reportUrl'),
            dir: 'ltr',
            defaultValue: workshop.reportUrl ?? '',
            hint: t('coord.workshop.urlHint'),
            maxLength: 2000,
          },
          {
            name: 'recordingUrl',
            label: t('coord.workshop.recordingUrl'),
            dir: 'ltr',
            defaultValue: workshop.recordingUrl ?? '',
            hint: t('coord.workshop.urlHint'),
            maxLength: 2000,
          },
        ]}
      />
    </section>
  );
}
