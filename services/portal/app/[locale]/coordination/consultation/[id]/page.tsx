import { ActionForm } from '../../../../../components/citizen/action-form';
import { answerComment } from '../../../../../components/coord/consultation-actions';
import { Pagination } from '../../../../../components/pagination';
import { pageNumber } from '../../../../../gateway/read-or-missing';
import type { Page, CommentView } from '../../../../../gateway/views';
import { CsrfField } from '../../../../../session/csrf-field';
import { COORDINATION_ROLES, openStaffRecord, StaffPageProps } from '../../../../../components/coord/staff-page';
import { pageWindow, pageCount } from '../../../../../components/filters';
import { titled } from '../../../../../components/page-props';

const PAGE_SIZE = 20;

export const generateMetadata = titled('coord.consultation.comments');

/** The comments on one draft commitment, 20 a page, each with its answer or a form to answer it. */
export default async function CoordinationDraftCommentsPage(props: StaffPageProps<{ id: string }>) {
  const opened = await openStaffRecord(
    props,
    (id) => `/coordination/consultation/${id}`,
    COORDINATION_ROLES,
    (api, id, search) =>
      api.get<Page<CommentView>>('/drafts/{id}/comments', {
        path: { id },
        query: pageWindow(pageNumber(search.page), PAGE_SIZE),
      }),
  );
  if (opened.view) return opened.view;
  const { locale, t, f, search, id, record: comments } = opened;
  const page = pageNumber(search.page);
  const pages = pageCount(comments.total, PAGE_SIZE);
  return (
    <section className="page-section narrow-wide" aria-labelledby="comments-title">
      <p>
        <a href={`/${locale}/coordination/consultation`}>{t('coord.consultation.title')}</a>
      </p>
      <h1 id="comments-title">{t('coord.consultation.comments')}</h1>
      {search.answered === '1' ? (
        <p className="form-done" role="status" id="comment-answered">
          {t('coord.consultation.answered')}
        </p>
      ) : null}
      <p className="muted">{t('common.comments', { count: comments.total })}</p>
      <ul className="section-list" id="comment-list">
        {comments.items.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} className="card" data-comment={c.id}>
            <p dir="auto">{c.body}</p>
            <p className="muted small">
              <time dateTime={c.createdAt}>{f.dateTime(c.createdAt)}</time>
            </p>
            {c.answer ? (
              <div className="answer">
                <p className="form-done-title">{t('coord.consultation.answer')}</p>
                <p dir="auto">{c.answer}</p>
              </div>
            ) : (
              <ActionForm
                id={`answer-${c.id}`}
                action={answerComment}
                csrf={<CsrfField />}
                hidden={{ locale, commentId: c.id, draftId: id }}
                submit={t('coord.consultation.send')}
                fields={[
                  {
                    name: 'answer',
                    label: t('coord.consultation.answer'),
                    type: 'textarea',
                    dir: 'auto',
                    rows: 3,
                    required: true,
                    maxLength: 3000,
                    hint: t('coord.consultation.answerHint'),
                  },
                ]}
              />
            )}
          </li>
        ))}
      </ul>
      <Pagination basePath={`/${locale}/coordination/consultation/${id}`} params={{}} page={page} pages={pages} t={t} />
    </section>
  );
}
