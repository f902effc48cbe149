import { ActionForm } from '../../../../../components/citizen/action-form';
import type { CycleView } from '../../../../../components/citizen/cycle-view';
import { submitIdea } from '../../../../../components/citizen/idea-actions';
import { cycleForPhase, phaseWindow } from '../../../../../components/citizen/phase-window';
import { SimilarIdeasLive } from '../../../../../components/citizen/similar-ideas-live';
import { WindowNotice } from '../../../../../components/citizen/window-notice';
import { gateway } from '../../../../../gateway/gateway-client';
import type { Page } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { localeTools } from '../../../../../i18n/request-locale';
import { CsrfField } from '../../../../../session/csrf-field';
import { titled } from '../../../../../components/page-props';
import { requireAccountForCycle } from '../../../../../components/citizen/require-account';

export const generateMetadata = titled('citizen.idea.new');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Submitting an idea to a cycle (the one named by ?cycle=, else the one whose ideas window is open):
 * a theme, a title, a text, optionally anonymous to the public. Outside the window the page says when
 * it opens or closed and offers no form.
 */
export default async function NewIdeaPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ cycle?: string }>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { requested } = await requireAccountForCycle(locale, '/me/ideas/new', searchParams);
  const api = await gateway.user(locale);
  const cycles = await api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } });
  const cycle =
    (UUID.test(requested) ? cycles.items.find((c) => c.id === requested) : undefined) ??
    cycleForPhase(cycles.items, 'ideas');
  const window = cycle ? phaseWindow(cycle, 'ideas') : ({ state: 'none' } as const);
  return (
    <section className="page-section narrow-wide" aria-labelledby="new-idea-title">
      <h1 id="new-idea-title">{t('citizen.idea.new')}</h1>
      {cycle ? <p className="lead">{pick(cycle.title, locale)}</p> : null}
      <WindowNotice window={window} t={t} f={f} />
      {cycle && window.state === 'open' ? (
        <ActionForm
          id="idea"
          action={submitIdea}
          csrf={<CsrfField />}
          hidden={{ locale, cycleId: cycle.id }}
          submit={t('citizen.idea.submit')}
          intents={[{ value: 'check', label: t('citizen.idea.checkSimilar') }]}
          fields={[
            {
              name: 'themeId',
              label: t('citizen.idea.theme'),
              type: 'select',
              required: true,
              options: [
                { value: '', label: t('citizen.idea.chooseTheme') },
                ...cycle.themes.map((th) => ({
                  value: th.id,
                  label: `${f.number(th.number)}. ${pick(th.title, locale)}`,
                })),
              ],
            },
            {
              name: 'title',
              label: t('citizen.idea.title'),
              dir: 'auto',
              required: true,
              hint: t('citizen.idea.titleHint'),
              maxLength: 200,
            },
            {
              name: 'body',
              label: t('citizen.idea.body'),
              type: 'textarea',
              dir: 'auto',
              required: true,
              hint: t('citizen.idea.bodyHint'),
              rows: 8,
              maxLength: 5000,
            },
            {
              name: 'anonymous',
              label: t('citizen.idea.anonymous'),
              type: 'checkbox',
              hint: t('citizen.idea.anonymousHint'),
            },
          ]}
        >
          <SimilarIdeasLive
            locale={locale}
            cycleId={cycle.id}
            fieldIds={['idea-title', 'idea-body']}
            heading={t('citizen.idea.similarWhileTyping')}
          />
        </ActionForm>
      ) : null}
      <p>
        <a href={`/${locale}/me/ideas`}>{t('citizen.myIdeas.title')}</a>
      </p>
    </section>
  );
}
