import { Formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from './action-form';
import { reportIdea, supportIdea } from './participation-actions';
import type { PublicIdeaView } from './participation-views';

/** The latest ideas of the cycle: support one, or report it to the coordination team with a reason. */
export function IdeasSection({
  ideas,
  cycleId,
  locale,
  t,
  f,
}: {
  ideas: PublicIdeaView[];
  cycleId: string;
  locale: Locale;
  t: Translate;
  f: Formatter;
}) {
  return (
    <section className="page-section" aria-labelledby="ideas-title">
      <h2 id="ideas-title">{t('citizen.takePart.ideas')}</h2>
      {ideas.length === 0 ? <p>{t('citizen.takePart.noIdeas')}</p> : null}
      <ul className="section-list">
        {ideas.map((idea, i) => (
          <li key={idea.id} className="card idea" data-idea={idea.id}>
            <h3 dir="auto">
              <a href={`/${locale}/cycles/${cycleId}/ideas/${idea.id}`}>{idea.title}</a>
            </h3>
            <p className="muted">
              <time dateTime={idea.createdAt}>{f.date(idea.createdAt)}</time> ·{' '}
              <span className="supports">{t('citizen.takePart.supports', { count: idea.supports })}</span>
            </p>
            <ActionForm
              id={`support-${i}`}
              action={supportIdea}
              csrf={<CsrfField />}
              hidden={{ locale, ideaId: idea.id }}
              fields={[]}
              submit={t('citizen.takePart.support')}
            />
            <details className="report">
              <summary>{t('citizen.takePart.report')}</summary>
              <ActionForm
                id={`report-${i}`}
                action={reportIdea}
                csrf={<CsrfField />}
                hidden={{ locale, ideaId: idea.id }}
                quiet
                submit={t('citizen.takePart.report')}
                fields={[
                  {
                    name: 'reason',
                    label: t('citizen.takePart.reportReason'),
                    dir: 'auto',
                    hint: t('citizen.takePart.reportHint'),
                    maxLength: 500,
                    required: true,
                  },
                ]}
              />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
