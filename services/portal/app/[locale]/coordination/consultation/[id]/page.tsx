import type { Metadata } from 'next';
import { ActionForm } from '../../../../../components/citizen/action-form';
import { answerComment } from '../../../../../components/coord/consultation-actions';
import { NotAllowed, staffAccount } from '../../../../../components/coord/staff-access';
import { NotFoundView } from '../../../../../components/not-found-view';
import { Pagination } from '../../../../../components/pagination';
import { gateway } from '../../../../../gateway/gateway-client';
import { isUuid, pageNumber, readOrMissing } from '../../../../../gateway/read-or-missing';
import type { Page } from '../../../../../gateway/views';
import { localeTools } from '../../../../../i18n/request-locale';
import { CsrfField } from '../../../../../session/csrf-field';

const PAGE_SIZE = 20;
type Params = Promise<{ locale: string; id: string }>;

interface CommentView {
  id: string;
  body: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('coord.consultation.comments') };
}

/** The comments on one draft commitment, 20 a page, each with its answer or a form to answer it. */
export default async function CoordinationDraftCommentsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t, f } = await localeTools(params);
  const { id } = await params;
  const search = await searchParams;
  const page = pageNumber(search.page);
  if (!(await staffAccount(locale, `/coordination/consultation/${id}`, ['coordinator', 'admin'])))
    return <NotAllowed locale={locale} t={t} />;
  if (!isUuid(id)) return <NotFoundView locale={locale} t={t} />;
  const comments = await readOrMissing(
    (await gateway.user(locale)).get<Page<CommentView>>('/drafts/{id}/comments', {
      path: { id },
      query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    }),
  );
  if (!comments) return <NotFoundView locale={locale} t={t} />;
  const pages = Math.max(1, Math.ceil(comments.total / PAGE_SIZE));
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
