const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text into HTML: every user-written string goes through here. */
export function esc(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A progress bar that fills from the start of the line (the right in Arabic), with its figure. */
export function progressBar(percent: number, label: string): string {
  const width = Math.max(0, Math.min(100, percent));
  return `<span class="progress"><span class="track"><span class="fill" style="inline-size:${width.toFixed(1)}%"></span></span><bdi class="figure">${esc(label)}</bdi></span>`;
}

export interface Column {
  header: string;
  /** Figures and dates align at the end and keep their own direction. */
  numeric?: boolean;
  width?: string;
}

/** A table whose header row repeats on each page; cells are HTML already escaped. */
export function table(columns: Column[], rows: string[][]): string {
  const head = columns
    .map(
      (c) =>
        `<th${c.width ? ` style="inline-size:${c.width}"` : ''}${c.numeric ? ' class="num"' : ''}>${esc(c.header)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (r) => `<tr>${r.map((cell, i) => `<td${columns[i]?.numeric ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Horizontal bars, one per label, scaled to the largest value. */
export function barChart(bars: { label: string; value: number; figure: string }[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars
    .map(
      (b) =>
        `<div class="bar-row"><span class="bar-label">${esc(b.label)}</span><span class="bar-track"><span class="bar-fill" style="inline-size:${((100 * b.value) / max).toFixed(1)}%"></span></span><bdi class="bar-figure">${esc(b.figure)}</bdi></div>`,
    )
    .join('');
  return `<div class="chart">${rows}</div>`;
}

/** Label and value pairs, as on a commitment card. */
export function facts(pairs: [string, string][]): string {
  return `<dl class="facts">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** Large figures with their caption. */
export function figures(items: { value: string; caption: string }[]): string {
  return `<div class="figures">${items.map((i) => `<div class="figure-box"><bdi class="figure-value">${esc(i.value)}</bdi><span class="figure-caption">${esc(i.caption)}</span></div>`).join('')}</div>`;
}
