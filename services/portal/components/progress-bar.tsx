import { Formatter } from '../i18n/format';
import { direction, Locale } from '../i18n/locales';

/**
 * A progress bar drawn in SVG (no inline style, so the CSP needs no 'unsafe-inline'); it fills from
 * the reading start: the right in Arabic, the left in French and English. The figure itself is text.
 * `live` names the figure for LiveProgress (e.g. `plan:<id>`), which redraws it after a report.
 */
export function ProgressBar({
  value,
  label,
  locale,
  f,
  size = 'normal',
  live,
}: {
  value: number;
  label: string;
  locale: Locale;
  f: Formatter;
  size?: 'normal' | 'small';
  live?: string;
}) {
  const clamped = Math.max(0, Math.min(100, value));
  const rtl = direction(locale) === 'rtl';
  return (
    <div className={`progress progress-${size}`} data-live={live}>
      <svg
        className="progress-track"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${f.percent(value)}`}
        focusable="false"
      >
        <rect x="0" y="0" width="100" height="10" rx="2" className="progress-bg" />
        <rect x={rtl ? 100 - clamped : 0} y="0" width={clamped} height="10" rx="2" className="progress-fill" />
      </svg>
      <span className="progress-figure" aria-hidden="true">
        {f.percent(value)}
      </span>
    </div>
  );
}
