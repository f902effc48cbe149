'use client';
import { useEffect, useState } from 'react';
import { formatter } from '../i18n/format';
import { direction, Locale } from '../i18n/locales';

type Level = 'not_started' | 'limited' | 'substantial' | 'complete';

/** One update of the gateway's stream (`event: progress`): the plan's figures after a report. */
interface PlanProgressUpdate {
  planId: string;
  plan: { progress: number } | null;
  byArea: { areaId: string; progress: number }[];
  byInstitution: { institutionId: string; progress: number }[];
  byCompletionLevel: Record<Level, number> | null;
  commitments: { total: number } | null;
  changed: { commitmentId: string; progress?: number; completionLevel?: Level }[];
}

export interface LiveProgressProps {
  planId: string;
  locale: Locale;
  /** Said (aria-live polite) and shown after an update; `{progress}` is replaced by the plan's new figure. */
  announcement: string;
  /** The completion levels' names, for the commitments' badges. */
  levelLabels: Record<Level, string>;
  /** The figure beside a completion-level bar for 0, 1, 2… commitments ("3 commitments"). */
  countLabels?: string[];
}

/**
 * Keeps the server-rendered progress of a plan up to date while the page is open: an EventSource on
 * the portal's relay of the gateway's stream, and each update written into the elements that carry
 * `data-live` (set by ProgressBar and BarList through their `live` prop):
 *   plan:<id>, area:<id>, institution:<id>, commitment:<id>  — a progress bar, value 0-100;
 *   level:<level>                                            — a completion-level bar (count / total);
 * and `data-live-level="<commitment id>"` on a commitment's level badge. Any page (the plan page,
 * a project manager's dashboard) can mark its bars so and render this once per plan. Without
 * JavaScript, or if the stream is refused, the page stays as rendered.
 */
export function LiveProgress({ planId, locale, announcement, levelLabels, countLabels }: LiveProgressProps) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/${locale}/plans/${planId}/live`);
    const f = formatter(locale);
    const rtl = direction(locale) === 'rtl';
    const onProgress = (message: MessageEvent<string>) => {
      let update: PlanProgressUpdate;
      try {
        update = JSON.parse(message.data) as PlanProgressUpdate;
      } catch {
        return;
      }
      if (update.planId !== planId) return;
      const bars: [string, number, string?][] = [];
      if (update.plan) bars.push([`plan:${planId}`, update.plan.progress]);
      for (const a of update.byArea) bars.push([`area:${a.areaId}`, a.progress]);
      for (const i of update.byInstitution) bars.push([`institution:${i.institutionId}`, i.progress]);
      for (const c of update.changed)
        if (c.progress !== undefined) bars.push([`commitment:${c.commitmentId}`, c.progress]);
      if (update.byCompletionLevel) {
        const total = update.commitments?.total || 1;
        for (const [level, count] of Object.entries(update.byCompletionLevel))
          bars.push([`level:${level}`, (count / total) * 100, countLabels?.[count] ?? f.number(count)]);
      }
      for (const [key, value, figure] of bars) {
        for (const element of document.querySelectorAll<HTMLElement>(`[data-live="${CSS.escape(key)}"]`))
          drawBar(element, value, figure ?? f.percent(value), rtl);
      }
      for (const c of update.changed) {
        if (!c.completionLevel) continue;
        for (const badge of document.querySelectorAll<HTMLElement>(
          `[data-live-level="${CSS.escape(c.commitmentId)}"]`,
        )) {
          badge.className = badge.className.replace(/\blevel-[a-z_]+/, `level-${c.completionLevel}`);
          badge.textContent = levelLabels[c.completionLevel];
        }
      }
      if (update.plan) setSaid(announcement.replace('{progress}', f.percent(update.plan.progress)));
    };
    source.addEventListener('progress', onProgress);
    return () => {
      source.removeEventListener('progress', onProgress);
      source.close();
    };
  }, [planId, locale, announcement, levelLabels, countLabels]);
  return (
    <p className="muted small live-status" role="status" aria-live="polite">
      {said}
    </p>
  );
}

/** Redraws a bar drawn by ProgressBar or BarList: its fill, its figure, its accessible name. */
function drawBar(element: HTMLElement, value: number, figure: string, rtl: boolean): void {
  const clamped = Math.max(0, Math.min(100, value));
  const fill = element.querySelector('rect.progress-fill');
  fill?.setAttribute('x', String(rtl ? 100 - clamped : 0));
  fill?.setAttribute('width', String(clamped));
  const text = element.querySelector('.progress-figure, .bar-figure');
  const before = text?.textContent ?? '';
  if (text) text.textContent = figure;
  const named = element.querySelector('svg[aria-label]');
  const label = named?.getAttribute('aria-label');
  if (named && label && before && label.endsWith(before))
    named.setAttribute('aria-label', label.slice(0, label.length - before.length) + figure);
}
