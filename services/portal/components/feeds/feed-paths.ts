/** Where the portal serves the gateway's feeds (under /files, which the locale redirect leaves alone). */
export const FEEDS_BASE = '/files/feeds';

export const feedPaths = {
  planCalendar: (planId: string, locale: string) =>
    `${FEEDS_BASE}/calendars/plans/${planId}/deadlines.ics?lang=${locale}`,
  cycleCalendar: (cycleId: string, locale: string) =>
    `${FEEDS_BASE}/calendars/cycles/${cycleId}/events.ics?lang=${locale}`,
  /** The gateway's path of a file (as its open-data index gives it) on the portal. */
  gatewayFile: (gatewayPath: string) => `${FEEDS_BASE}${gatewayPath}`,
} as const;
