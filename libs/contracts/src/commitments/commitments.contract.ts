import { rpc, event } from '../common/rpc-contract';
import { Localized } from '../common/language.constant';
import { Page, PageQuery } from '../common/page';
import { FieldIssue } from '../common/field-issue';
import { CompletionLevel } from './tracking.contract';
import type { CreateInstitutionDto, CreatePlanDto, CreateAreaDto, CommitmentQueryDto } from './structure.dto';
import type { CreateCommitmentDto, UpdateCommitmentDto } from './card.dto';
import type {
  AddActivityDto,
  AnswerBlockerDto,
  CommunicationDto,
  IndicatorValueDto,
  ManualLevelDto,
  OverrideLevelDto,
  RaiseBlockerDto,
  ReportProgressDto,
  SetStrategyDto,
  SetWeightsDto,
} from './tracking-actions.dto';
import type { ImportPlanDto } from './import-plan.dto';

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

export interface InstitutionView {
  id: string;
  code: string;
  kind: string;
  name: Localized;
  trackingStrategy: string | null;
}

export interface AreaView {
  id: string;
  code: string;
  title: Localized;
  progress: number;
  commitments: number;
}

export interface PlanView {
  id: string;
  programmeId: string;
  code: string;
  title: Localized;
  startDate: string;
  endDate: string;
  status: string;
  progress: number;
  areas: AreaView[];
}

export interface ActivityView {
  id: string;
  title: Localized;
  startDate: string;
  endDate: string;
  weight: number | null;
  responsible: string | null;
  status: string;
  progress: number;
  overdue: boolean;
}

export interface CommitmentSummary {
  id: string;
  planId: string;
  areaId: string;
  number: number;
  title: Localized;
  leadInstitutionId: string;
  startDate: string;
  endDate: string;
  progress: number;
  completionLevel: CompletionLevel;
  progressStale: boolean;
  staleReason: string | null;
  late: boolean;
  /** The programme's reporting period: `late` is true once this many days pass without a report. */
  reportingPeriodDays: number;
  overdueActivities: number;
}

export interface CommitmentView extends CommitmentSummary {
  card: Record<string, unknown>;
  ogpValues: string[];
  supportingInstitutionIds: string[];
  trackingStrategy: string;
  strategySource: 'commitment' | 'institution' | 'programme' | 'default';
  progressExplanation: string | null;
  levelOverride: { level: CompletionLevel; reason: string; by: string; at: string } | null;
  lastReportAt: string | null;
  activities: ActivityView[];
  indicators: {
    id: string;
    title: Localized;
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

export interface BlockerView {
  id: string;
  commitmentId: string;
  title: string;
  description: string;
  status: 'open' | 'answered' | 'closed';
  raisedBy: string;
  raisedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface PlanDashboard {
  plan: { id: string; code: string; title: Localized; progress: number; status: string };
  byArea: { areaId: string; code: string; title: Localized; progress: number; commitments: number }[];
  byInstitution: { institutionId: string; name: Localized; progress: number; commitments: number }[];
  byCompletionLevel: Record<CompletionLevel, number>;
  commitments: { total: number; late: number; withOverdueActivities: number; onTime: number };
  activities: { total: number; overdue: number; completed: number };
}

/** A progress report as the public list shows it. */
export interface ProgressReportView {
  id: string;
  activityId: string;
  progress: number;
  reportedOn: string;
  results: Localized | null;
  evidence: unknown[];
  reportedBy: string | null;
  createdAt: string;
}

export interface ImportReport {
  planId: string;
  commitments: number;
  activities: number;
  institutionsCreated: number;
}

/** One problem of an import file, at its row; the gateway adds its `message` in the caller's language. */
export interface RowError extends FieldIssue {
  row: string;
}

export interface CommitmentChangedEvent {
  commitmentId: string;
  planId: string;
  programmeId: string;
  leadInstitutionId: string;
  number: number;
  title: Localized;
}

export interface ProgressChangedEvent extends CommitmentChangedEvent {
  before: number;
  after: number;
  strategy: string;
}

export interface LevelChangedEvent extends CommitmentChangedEvent {
  before: CompletionLevel;
  after: CompletionLevel;
  reason: string | null;
}

export interface ProgressReportedEvent extends CommitmentChangedEvent {
  reportId: string;
  results: Localized | null;
  activityId: string;
  /** The activity's title, so that those told of the report can read what progressed. */
  activityTitle?: Localized;
  progress: number;
  reportedOn: string;
  reportedBy: string;
}

export interface BlockerEvent extends CommitmentChangedEvent {
  blockerId: string;
  blockerTitle: string;
  status: string;
  raisedBy: string;
}

/** What the reporting service needs of a commitment, answered page by page for a rebuild. */
export interface CommitmentSnapshot {
  id: string;
  programmeId: string;
  planId: string;
  areaId: string;
  areaTitle: Localized;
  institutionId: string;
  number: number;
  title: Localized;
  startDate: string;
  endDate: string;
  progress: number;
  completionLevel: string;
  lastReportAt: string | null;
  activities: { id: string; title: Localized; endDate: string; progress: number; status: string }[];
}

export const CommitmentsRpc = {
  createProgramme: rpc<CreateProgrammeCommand, ProgrammeView>('commitments.programmes.create'),
  listProgrammes: rpc<PageQuery, Page<ProgrammeView>>('commitments.programmes.list'),
  getProgramme: rpc<{ id: string }, ProgrammeView>('commitments.programmes.get'),
  setProgrammeSettings: rpc<SetProgrammeSettingsCommand, ProgrammeSettings>('commitments.programmes.settings.set'),
  getProgrammeSettings: rpc<{ programmeId: string }, ProgrammeSettings>('commitments.programmes.settings.get'),
  // Every command that changes a commitment carries its id; the owning service checks scope.
  createInstitution: rpc<CreateInstitutionDto, InstitutionView>('commitments.institutions.create'),
  getInstitution: rpc<{ id: string }, InstitutionView>('commitments.institutions.get'),
  listInstitutions: rpc<{ limit?: number; offset?: number }, Page<InstitutionView>>('commitments.institutions.list'),
  createPlan: rpc<CreatePlanDto, PlanView>('commitments.plans.create'),
  getPlan: rpc<{ id: string }, PlanView>('commitments.plans.get'),
  listPlans: rpc<{ programmeId: string }, { programmeId: string; progress: number; plans: PlanView[] }>(
    'commitments.plans.list',
  ),
  /** `fresh`: computed now, not shared from the last seconds (live progress after a report). */
  planDashboard: rpc<{ id: string; fresh?: boolean }, PlanDashboard>('commitments.plans.dashboard'),
  createArea: rpc<CreateAreaDto, AreaView>('commitments.areas.create'),
  importPlan: rpc<ImportPlanDto, ImportReport>('commitments.plans.import'),
  createCommitment: rpc<CreateCommitmentDto & { planId: string }, CommitmentView>('commitments.commitments.create'),
  updateCommitment: rpc<UpdateCommitmentDto & { id: string }, CommitmentView>('commitments.commitments.update'),
  getCommitment: rpc<{ id: string }, CommitmentView>('commitments.commitments.get'),
  listCommitments: rpc<CommitmentQueryDto, Page<CommitmentSummary>>('commitments.commitments.list'),
  history: rpc<{ id: string; limit?: number; offset?: number }, Page<HistoryEntry>>('commitments.commitments.history'),
  addActivity: rpc<AddActivityDto & { commitmentId: string }, CommitmentView>('commitments.activities.add'),
  removeActivity: rpc<{ commitmentId: string; activityId: string }, CommitmentView>('commitments.activities.remove'),
  setWeights: rpc<SetWeightsDto & { commitmentId: string }, CommitmentView>('commitments.weights.set'),
  reportProgress: rpc<ReportProgressDto & { commitmentId: string }, CommitmentView>('commitments.progress.report'),
  setIndicator: rpc<IndicatorValueDto & { commitmentId: string }, CommitmentView>('commitments.indicators.set'),
  setManualLevel: rpc<ManualLevelDto & { commitmentId: string }, CommitmentView>('commitments.level.manual'),
  overrideLevel: rpc<OverrideLevelDto & { commitmentId: string }, CommitmentView>('commitments.level.override'),
  setStrategy: rpc<SetStrategyDto, { recomputed: number }>('commitments.strategy.set'),
  evidenceFile: rpc<{ id: string }, { name: string; type: string; content: string }>('commitments.evidence.get'),
  listReports: rpc<{ commitmentId: string; limit?: number; offset?: number }, Page<ProgressReportView>>(
    'commitments.reports.list',
  ),
  addCommunication: rpc<CommunicationDto & { commitmentId: string }, { id: string }>('commitments.communications.add'),
  listCommunications: rpc<
    { commitmentId: string },
    { id: string; kind: string; title: Localized; happenedOn: string; link: string | null }[]
  >('commitments.communications.list'),
  raiseBlocker: rpc<RaiseBlockerDto & { commitmentId: string }, BlockerView>('commitments.blockers.raise'),
  answerBlocker: rpc<AnswerBlockerDto & { blockerId: string }, BlockerView>('commitments.blockers.answer'),
  closeBlocker: rpc<{ blockerId: string }, BlockerView>('commitments.blockers.close'),
  listBlockers: rpc<{ status?: string; commitmentId?: string; limit?: number; offset?: number }, Page<BlockerView>>(
    'commitments.blockers.list',
  ),
  snapshotCommitments: rpc<{ after?: string; limit: number }, CommitmentSnapshot[]>('commitments.snapshot.commitments'),
  /** Every programme's settings as its owner holds them, page by page: the reporting service rebuilds its copy. */
  snapshotProgrammeSettings: rpc<{ after?: string; limit: number }, ProgrammeSettingsChangedEvent[]>(
    'commitments.snapshot.programme-settings',
  ),
} as const;

export const CommitmentsEvents = {
  programmeCreated: event<ProgrammeCreatedEvent>('commitments.programme.created'),
  programmeSettingsChanged: event<ProgrammeSettingsChangedEvent>('commitments.programme.settings-changed'),
  commitmentCreated: event<
    CommitmentChangedEvent & {
      areaId: string;
      areaTitle: Localized;
      startDate: string;
      endDate: string;
      activities: { id: string; title: Localized; endDate: string }[];
    }
  >('commitments.commitment.created'),
  commitmentUpdated: event<CommitmentChangedEvent & { changed: string[] }>('commitments.commitment.updated'),
  weightsChanged: event<
    CommitmentChangedEvent & { weights: { activityId: string; before: number | null; after: number | null }[] }
  >('commitments.weights.changed'),
  activityAdded: event<CommitmentChangedEvent & { activityId: string; title: Localized; endDate: string }>(
    'commitments.activity.added',
  ),
  activityRemoved: event<CommitmentChangedEvent & { activityId: string }>('commitments.activity.removed'),
  progressReported: event<ProgressReportedEvent>('commitments.progress.reported'),
  progressChanged: event<ProgressChangedEvent>('commitments.progress.changed'),
  completionLevelChanged: event<LevelChangedEvent>('commitments.completion-level.changed'),
  blockerRaised: event<BlockerEvent>('commitments.blocker.raised'),
  blockerAnswered: event<BlockerEvent & { answer: string }>('commitments.blocker.answered'),
  communicationReported: event<CommitmentChangedEvent & { kind: string }>('commitments.communication.reported'),
  planImported: event<{ planId: string; programmeId: string; code: string; commitments: number }>(
    'commitments.plan.imported',
  ),
} as const;
