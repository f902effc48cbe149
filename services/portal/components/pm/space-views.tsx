import '../../styles/pm.css';
import { Locale } from '../../i18n/locales';
import { MessageKey, Translate } from '../../i18n/translator';

/** A page of a space the signed-in person has no role for: said plainly, nothing else shown. */
export function SpaceRefused({
  locale,
  t,
  title,
  body,
}: {
  locale: Locale;
  t: Translate;
  title: MessageKey;
  body: MessageKey;
}) {
  return (
    <section className="page-section" aria-labelledby="refused-title">
      <h1 id="refused-title">{t(title)}</h1>
      <p className="notice" role="alert">
        {t(body)}
      </p>
      <p>
        <a href={`/${locale}`}>{t('error.backHome')}</a>
      </p>
    </section>
  );
}

const COMMITTEE_TABS: [string, MessageKey][] = [
  ['', 'committee.alerts.title'],
  ['/interventions', 'committee.interventions.title'],
  ['/reports', 'committee.reports.title'],
  ['/preferences', 'committee.preferences.title'],
];

/** The committee space's sections, the current one marked. */
export function CommitteeNav({ locale, t, current }: { locale: Locale; t: Translate; current: string }) {
  return (
    <nav className="tabs" aria-label={t('committee.nav')}>
      <ul>
        {COMMITTEE_TABS.map(([path, label]) => (
          <li key={path}>
            {path === current ? (
              <span aria-current="page">{t(label)}</span>
            ) : (
              <a href={`/${locale}/committee${path}`}>{t(label)}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Links to the sections of a long page, so the common task is one click away. */
export function PageToc({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  return (
    <nav className="page-toc" aria-label={label}>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href}>{i.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
