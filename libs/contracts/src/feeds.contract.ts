import { rpc } from './rpc-contract';
import { Language, Localized } from './language.constant';

/** An iCalendar file (RFC 5545), rendered whole: a feed is bounded in events, so in size. */
export interface CalendarFile {
  body: string;
  fileName: string;
}

/** What open data shows of an idea: what the public page shows, never its author. */
export interface OpenIdeaRow {
  id: string;
  themeNumber: number;
  themeTitle: Localized;
  channel: 'portal' | 'workshop';
  workshopNumber: number | null;
  title: string;
  body: string;
  institution: string | null;
  submittedOn: string;
  supports: number;
  /** Empty until the fate is published. */
  fate: string | null;
  fateExplanation: string | null;
  fatePublishedOn: string | null;
  draftCommitmentNumber: number | null;
}

/** A version of a dataset: changes whenever any of its rows would. */
export interface DatasetVersion {
  version: string;
  /** The last change seen in the data, or null when it has none. */
  updatedAt: string | null;
  rows: number;
}

export const OPEN_DATA_DATASETS = ['commitments', 'activities', 'ideas', 'statistics'] as const;
export type OpenDataDataset = (typeof OPEN_DATA_DATASETS)[number];
export const OPEN_DATA_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** A generated open-data file: served chunk by chunk while its version is current. */
export interface OpenDataFileHead {
  version: string;
  contentType: string;
  fileName: string;
  size: number;
  chunks: number;
  updatedAt: string;
}

export interface OpenDataIndexEntry {
  dataset: OpenDataDataset;
  subject: { kind: 'plan' | 'cycle'; id: string; title: Localized };
  updatedAt: string;
  files: { format: OpenDataFormat; url: string; size: number }[];
}

export interface OpenDataIndex {
  dictionary: string;
  atom: { language: Language; url: string }[];
  datasets: OpenDataIndexEntry[];
}

export interface OpenDataColumn {
  id: string;
  type: 'text' | 'number' | 'date' | 'code';
  label: Localized;
  description: Localized;
  /** For codes: each value and what it means. */
  values?: { code: string; label: Localized }[];
}

export interface OpenDataDictionary {
  datasets: {
    dataset: OpenDataDataset;
    subject: 'plan' | 'cycle';
    description: Localized;
    columns: OpenDataColumn[];
  }[];
}

/** Feeds anyone (or a calendar app holding a private link) reads: calendars, open data, Atom. */
export const FeedsRpc = {
  planCalendar: rpc<{ id: string; language: Language }, CalendarFile>('reporting.calendars.plan'),
  cycleCalendar: rpc<{ id: string; language: Language }, CalendarFile>('reporting.calendars.cycle'),
  /** The actor's own deadlines; the gateway names the actor from a private feed token. */
  personalCalendar: rpc<{ language: Language }, CalendarFile>('reporting.calendars.personal'),
  openDataIndex: rpc<{ language: Language }, OpenDataIndex>('reporting.open-data.index'),
  openDataDictionary: rpc<Record<string, never>, OpenDataDictionary>('reporting.open-data.dictionary'),
  /** Generates the file if its data changed since it was last made (else takes it as stored). */
  openDataFile: rpc<
    { dataset: OpenDataDataset; subjectId: string; format: OpenDataFormat; language: Language },
    OpenDataFileHead
  >('reporting.open-data.file'),
  /** One chunk (base64) of the file at that version; CONFLICT once a newer version replaced it. */
  openDataChunk: rpc<
    {
      dataset: OpenDataDataset;
      subjectId: string;
      format: OpenDataFormat;
      language: Language;
      version: string;
      index: number;
    },
    { data: string; last: boolean }
  >('reporting.open-data.chunk'),
  /** The latest publications as an Atom feed (RFC 4287) in one language; `version` changes with its content. */
  publicationsAtom: rpc<{ language: Language }, { body: string; version: string }>(
    'reporting.open-data.publications-atom',
  ),
  /** Answered by the participation service: the public ideas of a cycle, by submission time then id. */
  openIdeas: rpc<
    { cycleId: string; after?: { submittedAt: string; id: string }; limit: number },
    { items: (OpenIdeaRow & { submittedAt: string })[] }
  >('participation.open-data.ideas'),
  openIdeasVersion: rpc<{ cycleId: string }, DatasetVersion>('participation.open-data.ideas-version'),
} as const;
