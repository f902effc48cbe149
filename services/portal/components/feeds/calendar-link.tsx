import { Translate } from '../../i18n/translator';

/** "Subscribe to the calendar": an iCalendar feed a calendar app imports, or keeps in sync from its address. */
export function CalendarLink({ href, hint, t }: { href: string; hint: string; t: Translate }) {
  return (
    <p className="calendar-link">
      <a href={href} type="text/calendar">
        {t('feeds.calendar.subscribe')}
      </a>{' '}
      <span className="muted">{hint}</span>
    </p>
  );
}
