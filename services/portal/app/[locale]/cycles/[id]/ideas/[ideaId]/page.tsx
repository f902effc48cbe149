import { Breadcrumb } from '../../../../../../components/breadcrumb';
import { FreeText } from '../../../../../../components/localized';
import { NotFoundView } from '../../../../../../components/not-found-view';
import { gateway } from '../../../../../../gateway/gateway-client';
import { isUuid, readOrMissing } from '../../../../../../gateway/read-or-missing';
import { CycleView, IdeaPublicView } from '../../../../../../gateway/views';
import { pick } from '../../../../../../i18n/localized-text';
import { localeTools } from '../../../../../../i18n/request-locale';
import { MessageKey } from '../../../../../../i18n/translator';
import { titled } from '../../../../../../components/page-props';

type Params = Promise<{ locale: string; id: string; ideaId: string }>;

export const generateMetadata = titled('idea.title');

/** One idea as the public sees it: its text, theme, channel and published fate (the links in e-mails land here). */
export default async function IdeaPage({ params }: { params: Params }) {
  const { locale, t, f } = await localeTools(params);
  const { id, ideaId } = await params;
  if (!isUuid(id) || !isUuid(ideaId)) return <NotFoundView locale={locale} t={t} />;
  const api = await gateway.public(locale);
  const [cycle, idea] = await Promise.all([
    readOrMissing(api.get<CycleView>('/cycles/{id}', { path: { id } })),
    readOrMissing(api.get<IdeaPublicView>('/ideas/{id}', { path: { id: ideaId } })),
  ]);
  if (!cycle || !idea || idea.cycleId !== cycle.id) return <NotFoundView locale={locale} t={t} />;
  const theme = cycle.themes.find((th) => th.id === idea.themeId);
  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          { label: t('nav.home'), href: `/${locale}` },
          { label: pick(cycle.title, locale), href: `/${locale}/cycles/${cycle.id}` },
          { label: t('idea.title') },
        ]}
      />
      <article className="page-section" aria-labelledby="idea-title">
        <h1 id="idea-title">
          <FreeText text={idea.title} />
        </h1>
        <p className="meta">
          {theme ? <span>{pick(theme.title, locale)}</span> : null}
          <span className="badge">{t(`channel.${idea.channel}` as MessageKey)}</span>
          <span>{f.date(idea.createdAt)}</span>
          <span>{t('idea.supports', { count: idea.supports })}</span>
        </p>
        <p className="prose">
          <FreeText text={idea.body} />
        </p>
        <h2>{t('cycle.fate')}</h2>
        {idea.fate ? (
          <p>
            <span className="badge">{t(`fate.${idea.fate.status}` as MessageKey)}</span>{' '}
            <span className="muted">{t('publications.publishedOn', { date: f.date(idea.fate.publishedAt) })}</span>
            {idea.fate.explanation ? (
              <>
                <br />
                <FreeText text={idea.fate.explanation} />
              </>
            ) : null}
          </p>
        ) : (
          <p className="muted">{t('cycle.fateNotPublished')}</p>
        )}
      </article>
      <p>
        <a href={`/${locale}/cycles/${cycle.id}#ideas`}>{t('idea.backToCycle')}</a>
      </p>
    </>
  );
}
