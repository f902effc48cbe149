/**
 * What the portal reads from the gateway: the schemas the gateway's OpenAPI document declares
 * (`openapi.d.ts`, generated), and the few shapes it leaves open (a commitment's card, evidence).
 */
import type { LocalizedText } from '../i18n/localized-text';
import type { components } from './openapi';

export type Schemas = components['schemas'];

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type ProgrammeView = Schemas['ProgrammeView'];

export interface AreaSummary {
  id: string;
  code: string;
  title: LocalizedText;
  progress: number;
  commitments: number;
}

export type PlanView = Schemas['PlanView'];

export interface ProgrammePlans {
  programmeId: string;
  progress: number;
  plans: PlanView[];
}

export type CompletionLevel = 'not_started' | 'limited' | 'substantial' | 'complete';
export const COMPLETION_LEVELS: CompletionLevel[] = ['not_started', 'limited', 'substantial', 'complete'];

export type PlanDashboard = Schemas['PlanDashboard'];

export type InstitutionView = Schemas['InstitutionView'];

export type CommitmentSummary = Schemas['CommitmentSummary'];

export type ActivityView = Schemas['ActivityView'];

export interface CommitmentCard {
  description?: LocalizedText;
  goal?: LocalizedText;
  expectedResults?: LocalizedText;
  problem?: LocalizedText;
  solution?: LocalizedText;
  department?: LocalizedText;
  cost?: string;
  otherProgrammes?: string;
  sdgs?: number[];
  contact?: { name: string; department?: string; phone?: string; email?: string };
}

/** The document leaves the card open (`{ [key: string]: unknown }`): the portal reads it as `CommitmentCard`. */
export type CommitmentView = Omit<Schemas['CommitmentView'], 'card'> & { card: CommitmentCard };

export type HistoryEntry = Schemas['HistoryEntry'];

/** A link given with a report, or a file stored with it (downloaded through the portal). */
export interface EvidenceView {
  url?: string;
  title?: string;
  fileId?: string;
  name?: string;
  type?: string;
  size?: number;
}

/** The document leaves the evidence open: the portal reads each as `EvidenceView`. */
export type ProgressReportView = Omit<Schemas['ProgressReportView'], 'evidence'> & { evidence: EvidenceView[] };

export interface CommunicationView {
  id: string;
  kind: string;
  title: LocalizedText;
  happenedOn: string;
  link: string | null;
}

export type PhaseView = Schemas['PhaseView'];

export type CycleView = Schemas['CycleView'];

export type IdeaPublicView = Schemas['IdeaPublicView'];

export type WorkshopView = Schemas['WorkshopView'];

export type DraftCommitmentView = Schemas['DraftCommitmentView'];

export type CommentView = Schemas['CommentView'];

export type CompositionView = Schemas['CompositionView'];

export type CycleStatistics = Schemas['CycleStatistics'];

export type PublicationView = Schemas['PublicationView'];

export type ReportView = Schemas['ReportView'];
