import { Formatter } from '../../i18n/format';
import { Translate } from '../../i18n/translator';
import type { PhaseWindow } from './phase-window';

/** What a dated space says about its window: until when it is open, when it opens, or when it closed. */
export function WindowNotice({ window, t, f }: { window: PhaseWindow; t: Translate; f: Formatter }) {
  if (window.state === 'open')
    return <p className="notice notice-open">{t('citizen.window.openUntil', { date: f.dateTime(window.closesAt) })}</p>;
  if (window.state === 'upcoming')
    return <p className="notice notice-closed">{t('citizen.window.opensOn', { date: f.dateTime(window.opensAt) })}</p>;
  if (window.state === 'closed')
    return (
      <p className="notice notice-closed">{t('citizen.window.closedOn', { date: f.dateTime(window.closesAt) })}</p>
    );
  return <p className="notice notice-closed">{t('citizen.window.none')}</p>;
}
