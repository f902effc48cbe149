import type { ReactNode } from 'react';
import type { CommitmentSummary } from '../gateway/views';
import type { Formatter } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { MessageKey, Translate } from '../i18n/translator';
import { Localized } from './localized';
import { ProgressBar } from './progress-bar';

type CardCommitment = Pick<
  CommitmentSummary,
  'id' | 'number' | 'title' | 'completionLevel' | 'overdueActivities' | 'late' | 'progress'
>;

/**
 * A commitment in a list of cards (the plan page, a project manager's dashboard): its number and title
 * linking to `href`; its facts (`before` the badges, then its level, overdue activities, late report,
 * then `after`); its progress bar. The level badge and the bar are marked for <LiveProgress>.
 */
export function CommitmentCardBody({
  commitment: c,
  href,
  before,
  after,
  locale,
  t,
  f,
}: {
  commitment: CardCommitment;
  href: string;
  before?: ReactNode;
  after?: ReactNode;
  locale: Locale;
  t: Translate;
  f: Formatter;
}) {
  return (
    <>
      <h3>
        <a href={href}>
          <CommitmentName commitment={c} locale={locale} t={t} />
        </a>
      </h3>
      <p className="meta">
        {before}
        <CommitmentBadges commitment={c} live t={t} />
        {after}
      </p>
      <ProgressBar
        value={c.progress}
        label={t('common.progress')}
        locale={locale}
        f={f}
        size="small"
        live={`commitment:${c.id}`}
      />
    </>
  );
}

/**
 * A commitment's badges: its completion level (marked for <LiveProgress> when `live`), its overdue
 * activities and a late report, when it has them.
 */
export function CommitmentBadges({
  commitment: c,
  live,
  t,
}: {
  commitment: Pick<CommitmentSummary, 'id' | 'completionLevel' | 'overdueActivities' | 'late'>;
  live?: boolean;
  t: Translate;
}) {
  return (
    <>
      <span className={`badge level-${c.completionLevel}`} data-live-level={live ? c.id : undefined}>
        {t(`level.${c.completionLevel}` as MessageKey)}
      </span>
      {c.overdueActivities > 0 ? (
        <span className="badge badge-warning">{t('common.overdueActivities', { count: c.overdueActivities })}</span>
      ) : null}
      {c.late ? <span className="badge badge-warning">{t('common.late')}</span> : null}
    </>
  );
}

/** A commitment's number and title, as its page's heading and its card's link show them. */
export function CommitmentName({
  commitment: c,
  locale,
  t,
}: {
  commitment: Pick<CommitmentSummary, 'number' | 'title'>;
  locale: Locale;
  t: Translate;
}) {
  return (
    <>
      <span className="number">{t('plan.number', { number: c.number })}</span>{' '}
      <Localized text={c.title} locale={locale} />
    </>
  );
}
