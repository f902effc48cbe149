import { Formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { pick } from '../../i18n/localized-text';
import { Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from './action-form';
import { commentOnDraft } from './participation-actions';
import type { CommentView, DraftView } from './participation-views';
import type { PhaseWindow } from './phase-window';
import { WindowNotice } from './window-notice';

/** The draft commitments under consultation, their comments with the institutions' answers, and a comment form while it is open. */
export function ConsultationSection({
  drafts,
  comments,
  window,
  locale,
  t,
  f,
}: {
  drafts: DraftView[];
  comments: Map<string, CommentView[]>;
  window: PhaseWindow;
  locale: Locale;
  t: Translate;
  f: Formatter;
}) {
  return (
    <section className="page-section" aria-labelledby="consultation-title">
      <h2 id="consultation-title">{t('citizen.takePart.consultation')}</h2>
      <WindowNotice window={window} t={t} f={f} />
      {drafts.length === 0 ? <p>{t('citizen.takePart.noDrafts')}</p> : null}
      <ul className="section-list">
        {drafts.map((d) => (
          <li key={d.id} className="card draft" data-draft={d.id}>
            <h3>
              {f.number(d.number)}. {pick(d.title, locale)}
            </h3>
            <p className="muted">
              {t('citizen.takePart.institution')}: <span dir="auto">{d.institution}</span> ·{' '}
              {t('citizen.takePart.comments', { count: d.comments })}
            </p>
            <ul className="plain comment-list">
              {(comments.get(d.id) ?? []).map((c) => (
                <li key={c.id} className="comment">
                  <p dir="auto">{c.body}</p>
                  <p className="muted">
                    <time dateTime={c.createdAt}>{f.date(c.createdAt)}</time>
                  </p>
                  {c.answer ? (
                    <p className="comment-answer">
                      {t('citizen.takePart.answer')} <span dir="auto">{c.answer}</span>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            {window.state === 'open' ? (
              <ActionForm
                id={`draft-${d.number}`}
                action={commentOnDraft}
                csrf={<CsrfField />}
                hidden={{ locale, draftId: d.id }}
                submit={t('citizen.takePart.commentSubmit')}
                fields={[
                  {
                    name: 'body',
                    label: t('citizen.takePart.comment'),
                    type: 'textarea',
                    dir: 'auto',
                    rows: 4,
                    hint: t('citizen.takePart.commentHint'),
                    maxLength: 3000,
                    required: true,
                  },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
