import { direction, Locale } from '../i18n/locales';

export interface Bar {
  key: string;
  label: string;
  /** 0-100: the bar's length. */
  value: number;
  /** The figure shown beside the bar (a percentage, a count...). */
  figure: string;
  href?: string;
  /** The figure's name for LiveProgress (e.g. `area:<id>`), which redraws the bar after a report. */
  live?: string;
}

/**
 * A horizontal bar chart as a list (label, bar, figure), drawn in SVG so the CSP needs no inline
 * style. Bars grow from the reading start: right to left in Arabic. Screen readers get the label
 * and the figure as text.
 */
export function BarList({ bars, locale, caption }: { bars: Bar[]; locale: Locale; caption: string }) {
  const rtl = direction(locale) === 'rtl';
  return (
    <figure className="bar-list">
      <figcaption>{caption}</figcaption>
      <ul>
        {bars.map((bar) => {
          const value = Math.max(0, Math.min(100, bar.value));
          return (
            <li key={bar.key} data-live={bar.live}>
              <span className="bar-label">{bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label}</span>
              <svg
                className="bar-track"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="0" width="100" height="10" rx="2" className="progress-bg" />
                <rect x={rtl ? 100 - value : 0} y="0" width={value} height="10" rx="2" className="progress-fill" />
              </svg>
              <span className="bar-figure">{bar.figure}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
