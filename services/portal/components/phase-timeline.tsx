import { Formatter } from '../i18n/format';
import { Locale } from '../i18n/locales';
import { MESSAGES, MessageKey, Translate } from '../i18n/translator';
import type { PhaseView } from '../gateway/views';

/** The cycle's phases in order, each open, closed or upcoming, with what it lets people do, and today marked where it falls. */
export function PhaseTimeline({
  phases,
  t,
  f,
  now = new Date(),
}: {
  phases: PhaseView[];
  locale: Locale;
  t: Translate;
  f: Formatter;
  now?: Date;
}) {
  const sorted = [...phases].sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  const today = now.toISOString();
  // Today goes before the first phase that has not opened yet (or at the end).
  const todayIndex = sorted.findIndex((p) => p.opensAt > today);
  const items = sorted.map((phase) => {
    const state = phase.open ? 'open' : phase.closesAt <= today ? 'closed' : 'upcoming';
    const label = `phase.${phase.kind}` in MESSAGES.ar ? t(`phase.${phase.kind}` as MessageKey) : phase.kind;
    const allows = `phaseAllows.${phase.kind}` in MESSAGES.ar ? t(`phaseAllows.${phase.kind}` as MessageKey) : '';
    return (
      <li key={phase.kind} className={`phase phase-${state}`} aria-current={phase.open ? 'step' : undefined}>
        <strong>{label}</strong> <span className={`badge state-${state}`}>{t(`cycle.${state}` as MessageKey)}</span>
        <div className="muted">{t('common.dates', { start: f.date(phase.opensAt), end: f.date(phase.closesAt) })}</div>
        {allows ? <div>{allows}</div> : null}
      </li>
    );
  });
  const marker = (
    <li key="today" className="phase phase-today">
      <strong>{t('cycle.today', { date: f.date(now) })}</strong>
    </li>
  );
  if (sorted.some((p) => p.open)) {
    const openIndex = sorted.findIndex((p) => p.open);
    items.splice(openIndex + 1, 0, marker);
  } else items.splice(todayIndex === -1 ? items.length : todayIndex, 0, marker);
  return <ol className="timeline-phases">{items}</ol>;
}
