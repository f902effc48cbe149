'use client';
import { useEffect, useState } from 'react';

export interface ReportState {
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
}

/**
 * The report's progress bar, kept up to date by asking the portal every second (GET
 * ./status, which asks the gateway) until the job is done or failed; then the page reloads to
 * show the download. Without JavaScript the page's own refresh does the same.
 */
export function ReportProgressLive({
  statusUrl,
  initial,
  labels,
}: {
  statusUrl: string;
  initial: ReportState;
  labels: { progress: string; statuses: Record<ReportState['status'], string> };
}) {
  const [state, setState] = useState(initial);
  useEffect(() => {
    if (initial.status === 'done' || initial.status === 'failed') return;
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await fetch(statusUrl, { cache: 'no-store' }).catch(() => null);
      if (!res?.ok || stopped) return;
      const next = (await res.json()) as ReportState;
      setState(next);
      if (next.status === 'done' || next.status === 'failed') {
        stopped = true;
        clearInterval(timer);
        window.location.reload();
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [statusUrl, initial.status]);
  const value = Math.max(0, Math.min(100, Math.round(state.progress)));
  return (
    <div className="report-progress">
      <p id="report-status" aria-live="polite" data-status={state.status}>
        {labels.statuses[state.status]}
      </p>
      <progress id="report-progress" max={100} value={value} aria-label={labels.progress}>
        {value}%
      </progress>
      <span className="progress-figure" id="report-progress-figure">
        {value}%
      </span>
    </div>
  );
}
