import { rpc } from './rpc-contract';
import { Language } from './language.constant';

/** An iCalendar file (RFC 5545), rendered whole: a feed is bounded in events, so in size. */
export interface CalendarFile {
  body: string;
  fileName: string;
}

/** Feeds anyone (or a calendar app holding a private link) reads: calendars, open data, Atom. */
export const FeedsRpc = {
  planCalendar: rpc<{ id: string; language: Language }, CalendarFile>('reporting.calendars.plan'),
  cycleCalendar: rpc<{ id: string; language: Language }, CalendarFile>('reporting.calendars.cycle'),
  /** The actor's own deadlines; the gateway names the actor from a private feed token. */
  personalCalendar: rpc<{ language: Language }, CalendarFile>('reporting.calendars.personal'),
} as const;
