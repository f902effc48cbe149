import { randomUUID } from 'node:crypto';
import { ActionForm } from '../../../../components/citizen/action-form';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import type { DraftView } from '../../../../components/citizen/participation-views';
import { CycleField, chooseCycle } from '../../../../components/coord/cycle-filter';
import { SelectAll } from '../../../../components/coord/select-all';
import { hideIdea, moveIdeas } from '../../../../components/coord/triage-actions';
import { Pagination } from '../../../../components/pagination';
import { pageNumber } from '../../../../gateway/read-or-missing';
import type { Page } from '../../../../gateway/views';
import { pick } from '../../../../i18n/localized-text';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { pageCount, pageWindow, SelectFilter, FilterForm } from '../../../../components/filters';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';
import { IDEA_STATUSES } from '../../../../components/citizen/idea-view';

const PAGE_SIZE = 50;
const STATUSES = IDEA_STATUSES;

interface TriageIdea {
  id: string;
  themeId: string;
  channel: 'portal' | 'workshop';
  title: string;
  body: string;
  createdAt: string;
  status: (typeof STATUSES)[number];
  reports: number;
  hidden: { reason: string; at: string } | null;
  fate: { publishedAt: string } | null;
}

export const generateMetadata = titled('coord.triage.title');

/**
 * Triage of a cycle's ideas: filtered by step and theme (in the URL), 50 a page; tick ideas and
 * move them one fate step together with what the step needs. With ?reported=1, the moderation
 * queue: the reported ideas, most reported first, each with a form to hide it with its reason.
 */
export default async function TriagePage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/ideas', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle = chooseCycle(cycles.items, one('cycle'), (c) => c.currentPhases.length > 0);
  const reported = one('reported') === '1' ? '1' : undefined;
  const filters = {
    cycle: cycle?.id,
    status: reported ? undefined : (STATUSES.find((s) => s === one('status')) ?? 'received'),
    themeId: cycle?.themes.find((th) => th.id === one('themeId'))?.id,
    reported,
  };
  const page = pageNumber(one('page'));
  const moved = Number.parseInt(one('moved') ?? '', 10);
  const base = `/${locale}/coordination/ideas`;
  const [ideas, drafts] = cycle
    ? await Promise.all([
        api.get<Page<TriageIdea>>('/cycles/{id}/ideas/triage', {
          path: { id: cycle.id },
          query: {
            status: filters.status,
            themeId: filters.themeId,
            reported: reported ? 'true' : undefined,
            ...pageWindow(page, PAGE_SIZE),
          },
        }),
        api.get<DraftView[]>('/cycles/{id}/drafts', { path: { id: cycle.id } }),
      ])
    : [{ items: [], total: 0, limit: PAGE_SIZE, offset: 0 }, []];
  const pages = pageCount(ideas.total, PAGE_SIZE);
  const themeOf = new Map(cycle?.themes.map((th) => [th.id, th]) ?? []);
  const query = new URLSearchParams(
    Object.entries({ ...filters, page: page > 1 ? String(page) : undefined }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  ).toString();
  const stepOptions = [
    { value: '', label: t('coord.triage.chooseStep') },
    ...(['screen:accept', 'screen:reject', 'group', 'share', 'study', 'retain', 'not_retain', 'publish'] as const).map(
      (s) => ({ value: s, label: t(`coord.triage.steps.${s.replace(':', '_')}` as MessageKey) }),
    ),
  ];
  const rows = ideas.items.map((idea) => {
    const theme = themeOf.get(idea.themeId);
    return (
      <tr key={idea.id} id={`idea-${idea.id}`} data-idea={idea.id}>
        {reported ? null : (
          <td className="select-cell">
            <input
              type="checkbox"
              name="ideaIds"
              value={idea.id}
              id={`pick-${idea.id}`}
              aria-labelledby={`title-${idea.id}`}
            />
          </td>
        )}
        <th scope="row" id={`title-${idea.id}`}>
          <span dir="auto">{idea.title}</span>
          <p className="muted small" dir="auto">
            {idea.body.length > 160 ? `${idea.body.slice(0, 157)}…` : idea.body}
          </p>
        </th>
        <td>{theme ? `${f.number(theme.number)}. ${pick(theme.title, locale)}` : ''}</td>
        <td>{t(`citizen.fate.${idea.status}` as MessageKey)}</td>
        <td className="num">{f.number(idea.reports)}</td>
        <td>
          <time dateTime={idea.createdAt}>{f.date(idea.createdAt)}</time>
        </td>
      </tr>
    );
  });
  const head = (
    <thead>
      <tr>
        {reported ? null : (
          <th scope="col" className="select-cell">
            <SelectAll formId="move" name="ideaIds" label={t('coord.triage.selectAll')} />
          </th>
        )}
        <th scope="col">{t('coord.triage.idea')}</th>
        <th scope="col">{t('citizen.idea.theme')}</th>
        <th scope="col">{t('citizen.idea.currentStep')}</th>
        <th scope="col" className="num">
          {t('coord.triage.reports')}
        </th>
        <th scope="col">{t('citizen.idea.submittedOn')}</th>
      </tr>
    </thead>
  );

  return (
    <section className="page-section" aria-labelledby="triage-title">
      <h1 id="triage-title">{t('coord.triage.title')}</h1>
      <p className="lead">{t('coord.triage.intro')}</p>
      {Number.isFinite(moved) && moved > 0 ? (
        <p className="form-done" role="status" id="triage-moved">
          {t('coord.triage.moved', { count: moved })}
        </p>
      ) : null}
      <nav className="tabs" aria-label={t('coord.triage.views')}>
        <ul>
          <li>
            <a href={`${base}?cycle=${cycle?.id ?? ''}`} aria-current={reported ? undefined : 'page'}>
              {t('coord.triage.byStep')}
            </a>
          </li>
          <li>
            <a href={`${base}?cycle=${cycle?.id ?? ''}&reported=1`} aria-current={reported ? 'page' : undefined}>
              {t('coord.triage.moderation')}
            </a>
          </li>
        </ul>
      </nav>
      <FilterForm action={base} label={t('coord.triage.filters')} t={t}>
        {reported ? <input type="hidden" name="reported" value="1" /> : null}
        <CycleField cycles={cycles.items} selected={cycle?.id} locale={locale} t={t} />
        {reported ? null : (
          <div className="field">
            <label htmlFor="f-status">{t('citizen.idea.currentStep')}</label>
            <select id="f-status" name="status" defaultValue={filters.status}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`citizen.fate.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        )}
        <SelectFilter
          id="theme"
          name="themeId"
          label={t('citizen.idea.theme')}
          value={filters.themeId}
          options={(cycle?.themes ?? []).map((th) => ({
            value: th.id,
            label: `${f.number(th.number)}. ${pick(th.title, locale)}`,
          }))}
          t={t}
        />
      </FilterForm>
      <p className="muted" role="status" id="triage-count">
        {t('common.ideas', { count: ideas.total })}
      </p>

      {reported ? (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('coord.triage.moderation')}>
            <table id="triage">
              <caption className="visually-hidden">{t('coord.triage.moderation')}</caption>
              {head}
              <tbody>{rows}</tbody>
            </table>
          </div>
          <ul className="section-list">
            {ideas.items.map((idea) => (
              <li key={idea.id} className="card">
                <h2 className="card-title" dir="auto">
                  {idea.title}
                </h2>
                <ActionForm
                  id={`hide-${idea.id}`}
                  action={hideIdea}
                  csrf={<CsrfField />}
                  hidden={{ locale, ideaId: idea.id }}
                  submit={t('coord.triage.hide')}
                  fields={[
                    {
                      name: 'reason',
                      label: t('coord.triage.hideReason'),
                      dir: 'auto',
                      required: true,
                      maxLength: 500,
                      hint: t('coord.triage.hideReasonHint'),
                    },
                  ]}
                />
              </li>
            ))}
          </ul>
        </>
      ) : ideas.items.length ? (
        <ActionForm
          id="move"
          action={moveIdeas}
          csrf={<CsrfField />}
          hidden={{ locale, cycleId: cycle?.id ?? '', key: randomUUID(), back: `${base}?${query}` }}
          submit={t('coord.triage.move')}
          childrenFirst
          fields={[
            {
              name: 'step',
              label: t('coord.triage.step'),
              type: 'select',
              required: true,
              options: stepOptions,
              hint: t('coord.triage.stepHint'),
            },
            {
              name: 'rejectionReason',
              label: t('coord.triage.rejectionReason'),
              type: 'select',
              options: [
                { value: '', label: t('coord.triage.onlyForRejection') },
                { value: 'not_open_government', label: t('coord.triage.reasons.not_open_government') },
                { value: 'not_precise', label: t('coord.triage.reasons.not_precise') },
              ],
            },
            {
              name: 'explanation',
              label: t('coord.triage.explanation'),
              type: 'textarea',
              dir: 'auto',
              rows: 3,
              maxLength: 2000,
              hint: t('coord.triage.explanationHint'),
            },
            {
              name: 'institution',
              label: t('coord.triage.institution'),
              dir: 'auto',
              maxLength: 200,
              hint: t('coord.triage.institutionHint'),
            },
            {
              name: 'draftCommitmentId',
              label: t('coord.triage.draft'),
              type: 'select',
              options: [
                { value: '', label: t('coord.triage.onlyForRetain') },
                ...drafts.map((d) => ({ value: d.id, label: `${f.number(d.number)}. ${pick(d.title, locale)}` })),
              ],
            },
          ]}
        >
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('coord.triage.title')}>
            <table id="triage">
              <caption className="visually-hidden">{t('coord.triage.title')}</caption>
              {head}
              <tbody>{rows}</tbody>
            </table>
          </div>
        </ActionForm>
      ) : (
        <p>{t('coord.triage.none')}</p>
      )}
      <Pagination
        basePath={base}
        params={{ cycle: filters.cycle, status: filters.status, themeId: filters.themeId, reported }}
        page={page}
        pages={pages}
        t={t}
      />
    </section>
  );
}
