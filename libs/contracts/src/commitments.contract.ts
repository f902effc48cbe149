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

export const CommitmentsRpc = {
  createProgramme: rpc<CreateProgrammeCommand, ProgrammeView>('commitments.programmes.create'),
  listProgrammes: rpc<PageQuery, Page<ProgrammeView>>('commitments.programmes.list'),
  getProgramme: rpc<{ id: string }, ProgrammeView>('commitments.programmes.get'),
} as const;

export const CommitmentsEvents = {
  programmeCreated: event<ProgrammeCreatedEvent>('commitments.programme.created'),
} as const;
