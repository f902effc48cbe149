import type { LocalizedText } from '../i18n/localized-text';

/**
 * What the portal reads from the gateway, as the gateway answers today. The OpenAPI document does
 * not describe answers yet; when it does, these become aliases of its generated schemas.
 */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ProgrammeView {
  id: string;
  code: string;
  kind: string;
  name: LocalizedText;
  description: LocalizedText;
}

export interface AreaSummary {
  id: string;
  code: string;
  title: LocalizedText;
  progress: number;
  commitments: number;
}

export interface PlanView {
  id: string;
  programmeId: string;
  code: string;
  title: LocalizedText;
  startDate: string;
  endDate: string;
  status: 'draft' | 'adopted' | 'in_implementation' | 'closed';
  progress: number;
  areas: AreaSummary[];
}

export interface ProgrammePlans {
  programmeId: string;
  progress: number;
  plans: PlanView[];
}

export type CompletionLevel = 'not_started' | 'limited' | 'substantial' | 'complete';
export const COMPLETION_LEVELS: CompletionLevel[] = ['not_started', 'limited', 'substantial', 'complete'];

export interface PlanDashboard {
  plan: { id: string; code: string; title: LocalizedText; progress: number; status: string };
  byArea: { areaId: string; code: string; title: LocalizedText; progress: number; commitments: number }[];
  byInstitution: { institutionId: string; name: LocalizedText; progress: number; commitments: number }[];
  byCompletionLevel: Record<CompletionLevel, number>;
  commitments: { total: number; late: number; withOverdueActivities: number; onTime: number };
  activities: { total: number; overdue: number; completed: number };
}

export interface InstitutionView {
  id: string;
  code: string;
  kind: string;
  name: LocalizedText;
}

export interface CommitmentSummary {
  id: string;
  planId: string;
  areaId: string;
  number: number;
  title: LocalizedText;
  leadInstitutionId: string;
  startDate: string;
  endDate: string;
  progress: number;
  completionLevel: CompletionLevel;
  progressStale: boolean;
  staleReason: string | null;
  late: boolean;
  overdueActivities: number;
}

export interface ActivityView {
  id: string;
  title: LocalizedText;
  startDate: string;
  endDate: string;
  weight: number | null;
  responsible: string | null;
  status: string;
  progress: number;
  overdue: boolean;
}

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

export interface CommitmentView extends CommitmentSummary {
  card: CommitmentCard;
  ogpValues: string[];
  supportingInstitutionIds: string[];
  trackingStrategy: string;
  strategySource: string;
  progressExplanation: string | null;
  levelOverride: { level: CompletionLevel; reason: string; by: string; at: string } | null;
  lastReportAt: string | null;
  activities: ActivityView[];
  indicators: {
    id: string;
    title: LocalizedText;
    unit: string | null;
    baseline: number;
    target: number;
    current: number | null;
  }[];
}

export interface HistoryEntry {
  action: string;
  actorId: string | null;
  at: string;
  before: unknown;
  after: unknown;
}

/** A link given with a report, or a file stored with it (downloaded through the portal). */
export interface EvidenceView {
  url?: string;
  title?: string;
  fileId?: string;
  name?: string;
  type?: string;
  size?: number;
}

export interface ProgressReportView {
  id: string;
  activityId: string | null;
  progress: number;
  reportedOn: string;
  results: LocalizedText;
  evidence: EvidenceView[];
  reportedBy: string;
  createdAt: string;
}

export interface CommunicationView {
  id: string;
  kind: string;
  title: LocalizedText;
  happenedOn: string;
  link: string | null;
}

export interface PhaseView {
  kind: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
}

export interface CycleView {
  id: string;
  programmeId: string;
  code: string;
  title: LocalizedText;
  phases: PhaseView[];
  currentPhases: string[];
  themes: { id: string; number: number; title: LocalizedText }[];
}

export interface IdeaPublicView {
  id: string;
  cycleId: string;
  themeId: string;
  channel: 'portal' | 'workshop';
  workshopId: string | null;
  title: string;
  body: string;
  institution: string | null;
  authorId: string | null;
  createdAt: string;
  fate: { status: string; explanation: string | null; draftCommitmentId: string | null; publishedAt: string } | null;
  supports: number;
}

export interface WorkshopView {
  id: string;
  cycleId: string;
  themeId: string;
  number: number;
  title: LocalizedText;
  organiser: string;
  institutions: string[];
  startsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: number;
  confirmed: number;
  present: number;
}

export interface DraftCommitmentView {
  id: string;
  cycleId: string;
  number: number;
  title: LocalizedText;
  institution: string;
  comments: number;
}

export interface CommentView {
  id: string;
  draftId: string;
  body: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface CompositionView {
  seats: {
    id: string;
    sector: 'government' | 'civil_society';
    holder: string;
    termStart: string;
    termEnd: string;
    endedAt: string | null;
  }[];
  government: number;
  civilSociety: number;
  parity: boolean;
}

export interface CycleStatistics {
  portal: { withProposals: number; interacting: number; total: number };
  workshops: { number: number; themeNumber: number; registered: number; present: number }[];
  workshopsPresentTotal: number;
  participantsTotal: number;
  ideasByTheme: { themeNumber: number; portal: number; workshop: number }[];
  ideas: { portal: number; workshop: number; total: number };
  proposedCommitments: number;
  institutions: number;
  consultation: { days: number; weeks: number; participants: number; comments: number };
}

export interface PublicationView {
  id: string;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  attachments: { title: string; url: string }[];
  status: 'draft' | 'published';
  publishedAt: string | null;
}

export interface ReportView {
  id: string;
  kind: string;
  format: 'pdf' | 'xlsx' | 'csv' | 'json';
  params: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  size: number | null;
  createdAt: string;
  finishedAt: string | null;
}
