import { rpc, event } from './rpc-contract';
import { Localized } from './language.constant';
import { Page, PageQuery } from './page';

export const PROGRAMME_KINDS = ['ogp_national', 'ogp_local', 'parliament', 'national_strategy'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export interface CreateProgrammeCommand {
  code: string;
  kind: ProgrammeKind;
  name: Localized;
  description?: Localized;
}

export interface ProgrammeView {
  id: string;
  code: string;
  kind: ProgrammeKind;
  name: Localized;
  description: Localized | null;
  createdAt: string;
  createdBy: string | null;
}

export interface ProgrammeCreatedEvent {
  programmeId: string;
  code: string;
  kind: ProgrammeKind;
  name: Localized;
}

/**
 * A programme's schedule: alert timing, the reporting period behind the `late` flag, and the
 * time zone that says what "today" is. Owned by the commitments service, announced by event.
 */
export interface ProgrammeSettings {
  programmeId: string;
  deadlineNoticeDays: number;
  escalationDays: number;
  reportingPeriodDays: number;
  timeZone: string;
}

/** The longest deadline notice a programme may ask for (the sweeps bound their scan by it). */
export const DEADLINE_NOTICE_MAX_DAYS = 180;

/** What is left out keeps its value. */
export interface SetProgrammeSettingsCommand {
  programmeId: string;
  settings: Partial<Omit<ProgrammeSettings, 'programmeId'>>;
}

/** The whole settings after a change; `version` grows by one per change, so a reader keeps the newest. */
export interface ProgrammeSettingsChangedEvent extends ProgrammeSettings {
  version: number;
}

export const CommitmentsRpc = {
  createProgramme: rpc<CreateProgrammeCommand, ProgrammeView>('commitments.programmes.create'),
  listProgrammes: rpc<PageQuery, Page<ProgrammeView>>('commitments.programmes.list'),
  getProgramme: rpc<{ id: string }, ProgrammeView>('commitments.programmes.get'),
  setProgrammeSettings: rpc<SetProgrammeSettingsCommand, ProgrammeSettings>('commitments.programmes.settings.set'),
  getProgrammeSettings: rpc<{ programmeId: string }, ProgrammeSettings>('commitments.programmes.settings.get'),
} as const;

export const CommitmentsEvents = {
  programmeCreated: event<ProgrammeCreatedEvent>('commitments.programme.created'),
  programmeSettingsChanged: event<ProgrammeSettingsChangedEvent>('commitments.programme.settings-changed'),
} as const;
