import { ActionForm } from '../../../../../components/citizen/action-form';
import { saveCard } from '../../../../../components/coord/card-editor-action';
import { CardEditorForm } from '../../../../../components/coord/card-editor-form';
import { overrideLevel, setStrategy } from '../../../../../components/coord/commitment-actions';
import { ProgressBar } from '../../../../../components/progress-bar';
import { COMPLETION_LEVELS, CommitmentView, PlanView } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { MessageKey } from '../../../../../i18n/translator';
import { CsrfField } from '../../../../../session/csrf-field';
import { COORDINATION_ROLES, openStaffRecord, StaffPageProps } from '../../../../../components/coord/staff-page';
import { titled } from '../../../../../components/page-props';

const STRATEGIES = ['weighted_activities', 'equal_milestones', 'indicators', 'manual_level'] as const;
const LANGS = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
] as const;

export const generateMetadata = titled('coord.commitment.title');

/**
 * A commitment as the coordination team manages it: its title and card in the three languages side
 * by side, its progress and completion level (overridden with a reason, or derived again), and the
 * tracking strategy set for it, its lead institution or its programme.
 */
export default async function CoordinationCommitmentPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/coordination/commitments/${id}`,
    COORDINATION_ROLES,
    (api, id) => api.get<CommitmentView>('/commitments/{id}', { path: { id } }),
  );
  if (opened.view) return opened.view;
  const { locale, t, f, api, search, record: commitment } = opened;
  const saved = search.saved;
  const plan = await api.get<PlanView>('/plans/{id}', { path: { id: commitment.planId } });
  return (
    <section className="page-section" aria-labelledby="commitment-title">
      <p>
        <a href={`/${locale}/coordination/plans/${plan.id}`}>{pick(plan.title, locale)}</a>
      </p>
      <h1 id="commitment-title" dir="auto">
        {f.number(commitment.number)}. {pick(commitment.title, locale)}
      </h1>
      {saved === 'level' || saved === 'strategy' || saved === 'card' ? (
        <p className="form-done" role="status" id="commitment-saved">
          {t(
            saved === 'level'
              ? 'coord.commitment.levelSaved'
              : saved === 'strategy'
                ? 'coord.commitment.strategySaved'
                : 'coord.card.saved',
          )}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/commitments/${commitment.id}`}>{t('coord.commitment.publicPage')}</a>
      </p>

      <h2 id="card-title" tabIndex={-1}>
        {t('coord.commitment.languages')}
      </h2>
      <CardEditorForm
        action={saveCard}
        csrf={<CsrfField />}
        locale={locale}
        commitmentId={commitment.id}
        languages={[...LANGS]}
        labels={{
          submit: t('coord.card.save'),
          caption: t('coord.commitment.languages'),
          field: t('coord.commitment.field'),
        }}
        texts={[
          { name: 'title', label: t('coord.commitment.titleField'), short: true, values: commitment.title ?? {} },
          { name: 'description', label: t('coord.commitment.description'), values: commitment.card.description ?? {} },
          { name: 'problem', label: t('coord.commitment.problem'), values: commitment.card.problem ?? {} },
          { name: 'solution', label: t('coord.commitment.solution'), values: commitment.card.solution ?? {} },
        ]}
      />

      <h2>{t('coord.commitment.level')}</h2>
      <ProgressBar value={commitment.progress} label={t('common.progress')} locale={locale} f={f} />
      <dl className="facts">
        <dt>{t('coord.commitment.level')}</dt>
        {/* The override is the level in force; the derived one is recomputed with the next progress. */}
        <dd id="commitment-level">
          {t(`level.${commitment.levelOverride?.level ?? commitment.completionLevel}` as MessageKey)}
        </dd>
        {commitment.levelOverride ? (
          <>
            <dt>{t('coord.commitment.overridden')}</dt>
            <dd id="commitment-override">
              <span dir="auto">{commitment.levelOverride.reason}</span> (
              <time dateTime={commitment.levelOverride.at}>{f.date(commitment.levelOverride.at)}</time>)
            </dd>
          </>
        ) : null}
      </dl>
      <ActionForm
        id="level"
        action={overrideLevel}
        csrf={<CsrfField />}
        hidden={{ locale, commitmentId: commitment.id }}
        submit={t('coord.commitment.saveLevel')}
        fields={[
          {
            name: 'level',
            label: t('coord.commitment.newLevel'),
            type: 'select',
            required: true,
            defaultValue: commitment.levelOverride?.level ?? commitment.completionLevel,
            options: [
              ...COMPLETION_LEVELS.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) })),
              { value: 'derived', label: t('coord.commitment.derived') },
            ],
          },
          {
            name: 'reason',
            label: t('coord.commitment.reason'),
            type: 'textarea',
            dir: 'auto',
            rows: 3,
            required: true,
            maxLength: 1000,
            hint: t('coord.commitment.reasonHint'),
          },
        ]}
      />

      <h2>{t('coord.commitment.strategy')}</h2>
      <dl className="facts">
        <dt>{t('coord.commitment.strategyNow')}</dt>
        <dd id="commitment-strategy">
          {(STRATEGIES as readonly string[]).includes(commitment.trackingStrategy)
            ? t(`strategy.${commitment.trackingStrategy}` as MessageKey)
            : commitment.trackingStrategy}{' '}
          <span className="muted">({t(`coord.commitment.source.${commitment.strategySource}` as MessageKey)})</span>
        </dd>
      </dl>
      <ActionForm
        id="strategy"
        action={setStrategy}
        csrf={<CsrfField />}
        hidden={{
          locale,
          commitmentId: commitment.id,
          institutionId: commitment.leadInstitutionId,
          programmeId: plan.programmeId,
        }}
        submit={t('coord.commitment.saveStrategy')}
        fields={[
          {
            name: 'target',
            label: t('coord.commitment.target'),
            type: 'radio',
            required: true,
            defaultValue: 'commitment',
            options: (['commitment', 'institution', 'programme'] as const).map((k) => ({
              value: k,
              label: t(`coord.commitment.targets.${k}` as MessageKey),
            })),
          },
          {
            name: 'strategy',
            label: t('coord.commitment.strategy'),
            type: 'select',
            required: true,
            defaultValue:
              commitment.strategySource === 'commitment' ? commitment.trackingStrategy : 'weighted_activities',
            hint: t('coord.commitment.strategyHint'),
            options: [
              ...STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}` as MessageKey) })),
              { value: 'inherit', label: t('coord.commitment.inherit') },
            ],
          },
        ]}
      />
    </section>
  );
}
