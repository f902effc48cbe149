import { Translate } from '../i18n/translator';

/** Previous/next links that keep every filter of the URL; plain links, so no script is needed. */
export function Pagination({
  basePath,
  params,
  page,
  pages,
  t,
  anchor,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
  t: Translate;
  anchor?: string;
}) {
  if (pages <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    if (target > 1) query.set('page', String(target));
    const qs = query.toString();
    return `${basePath}${qs ? `?${qs}` : ''}${anchor ? `#${anchor}` : ''}`;
  };
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t('common.previous')}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('common.page', { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {t('common.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
