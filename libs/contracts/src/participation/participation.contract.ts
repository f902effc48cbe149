import { rpc, event } from '../common/rpc-contract';
import { Localized } from '../common/language.constant';
import { Page, PageQuery } from '../common/page';
import type { HistoryEntry } from '../commitments/commitments.contract';
import type { CreateCycleDto } from './cycle.dto';
import type { BulkFateStepDto, FATE_STATUSES, IdeaTriageQueryDto } from './idea-triage.dto';
import type { FateStepDto, HideIdeaDto, ReportIdeaDto, SubmitIdeaDto, WorkshopIdeaDto } from './idea.dto';
import type { AttendanceDto, CreateWorkshopDto, RankProblemsDto, WorkshopOutputsDto } from './workshop.dto';
import type {
  CandidacyDto,
  CommentAnswerDto,
  CommentDto,
  DraftCommitmentDto,
  EndSeatDto,
  GovernmentSeatDto,
  PublicationDto,
  SelectionDto,
} from './consultation.dto';

/** The step an idea has reached in its fate. */
export type FateStatus = (typeof FATE_STATUSES)[number];

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
  title: Localized;
  phases: PhaseView[];
  currentPhases: string[];
  themes: { id: string; number: number; title: Localized }[];
}

export interface FateStepView {
  status: FateStatus | 'published';
  at: string;
  actorId: string | null;
  explanation: string | null;
  institution: string | null;
}

/** What anyone sees of an idea. */
export interface IdeaPublicView {
  id: string;
  cycleId: string;
  themeId: string;
  channel: 'portal' | 'workshop';
  workshopId: string | null;
  title: string;
  body: string;
  institution: string | null;
  /** Null when the author chose to appear anonymous. */
  authorId: string | null;
  createdAt: string;
  /** Only once published, with its explanation. */
  fate: {
    status: FateStatus;
    explanation: string | null;
    draftCommitmentId: string | null;
    publishedAt: string;
  } | null;
  supports: number;
}

/** What the author (and the coordination team) see: the whole path, before publication too. */
export interface IdeaPrivateView extends IdeaPublicView {
  authorId: string | null;
  anonymous: boolean;
  status: FateStatus;
  path: FateStepView[];
  hidden: { reason: string; at: string } | null;
  reports: number;
}

/** An idea as the coordination team triages it: its current step, reports and whether it is hidden. */
export interface IdeaTriageView extends IdeaPublicView {
  status: FateStatus;
  reports: number;
  hidden: { reason: string; at: string } | null;
}

/** The ideas a bulk fate step moved, each with its new status. */
export interface BulkFateResult {
  moved: number;
  ideas: { id: string; status: FateStatus | 'published' }[];
}

export interface WorkshopView {
  id: string;
  cycleId: string;
  themeId: string;
  number: number;
  title: Localized;
  organiser: string;
  institutions: string[];
  startsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: number;
  confirmed: number;
  present: number;
  agenda: { item: string; minutes: number }[];
  problems: { title: string; priority: number }[];
  reportUrl: string | null;
  recordingUrl: string | null;
}

export interface RegistrationView {
  workshopId: string;
  code: string;
  status: 'confirmed' | 'cancelled';
}

export interface DraftCommitmentView {
  id: string;
  cycleId: string;
  number: number;
  title: Localized;
  institution: string;
  /** Null when no institution of the platform was named: then only the coordination team answers. */
  institutionId: string | null;
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

export interface SeatView {
  id: string;
  sector: 'government' | 'civil_society';
  holder: string;
  termStart: string;
  termEnd: string;
  endedAt: string | null;
  endReason: string | null;
}

export interface CompositionView {
  seats: SeatView[];
  government: number;
  civilSociety: number;
  parity: boolean;
}

export interface PublicationView {
  id: string;
  kind: string;
  /** The co-creation cycle it belongs to, or null. */
  cycleId: string | null;
  title: Localized;
  body: Localized;
  attachments: { title: string; url: string }[];
  status: 'draft' | 'published';
  publishedAt: string | null;
}

/** The co-creation synthesis report's tables, computed from the data. */
export interface CycleStatistics {
  portal: { withProposals: number; interacting: number; total: number };
  workshops: { number: number; themeNumber: number; registered: number; present: number }[];
  workshopsPresentTotal: number;
  participantsTotal: number;
  ideasByTheme: { themeNumber: number; portal: number; workshop: number }[];
  ideas: { portal: number; workshop: number; total: number };
  fate: { accepted: number; rejected: number; retained: number; notRetained: number; published: number };
  proposedCommitments: number;
  institutions: number;
  consultation: { weeks: number; days: number; participants: number; comments: number };
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

export const ParticipationRpc = {
  createCycle: rpc<CreateCycleDto, CycleView>('participation.cycles.create'),
  getCycle: rpc<{ id: string }, CycleView>('participation.cycles.get'),
  listCycles: rpc<PageQuery, Page<CycleView>>('participation.cycles.list'),
  statistics: rpc<{ id: string }, CycleStatistics>('participation.cycles.statistics'),
  submitIdea: rpc<SubmitIdeaDto, IdeaPrivateView>('participation.ideas.submit'),
  recordWorkshopIdea: rpc<WorkshopIdeaDto, IdeaPrivateView>('participation.ideas.record-workshop'),
  listIdeas: rpc<PageQuery & { cycleId: string; themeId?: string; status?: string }, Page<IdeaPublicView>>(
    'participation.ideas.list',
  ),
  getIdea: rpc<{ id: string }, IdeaPublicView | IdeaPrivateView>('participation.ideas.get'),
  myIdeas: rpc<PageQuery, Page<IdeaPrivateView>>('participation.ideas.mine'),
  similarIdeas: rpc<{ cycleId: string; text: string }, { id: string; title: string; similarity: number }[]>(
    'participation.ideas.similar',
  ),
  fateStep: rpc<FateStepDto & { ideaId: string }, IdeaPrivateView>('participation.ideas.fate'),
  bulkFateStep: rpc<BulkFateStepDto & { cycleId: string }, BulkFateResult>('participation.ideas.fate-bulk'),
  triageIdeas: rpc<PageQuery & IdeaTriageQueryDto & { cycleId: string }, Page<IdeaTriageView>>(
    'participation.ideas.triage',
  ),
  reportIdea: rpc<ReportIdeaDto & { ideaId: string }, { reports: number }>('participation.ideas.report'),
  hideIdea: rpc<HideIdeaDto & { ideaId: string }, IdeaPrivateView>('participation.ideas.hide'),
  supportIdea: rpc<{ ideaId: string }, { supports: number }>('participation.ideas.support'),
  createWorkshop: rpc<CreateWorkshopDto, WorkshopView>('participation.workshops.create'),
  getWorkshop: rpc<{ id: string }, WorkshopView>('participation.workshops.get'),
  listWorkshops: rpc<{ cycleId: string }, WorkshopView[]>('participation.workshops.list'),
  register: rpc<{ workshopId: string }, RegistrationView>('participation.workshops.register'),
  cancelRegistration: rpc<{ workshopId: string; code: string }, RegistrationView>('participation.workshops.cancel'),
  markAttendance: rpc<AttendanceDto & { workshopId: string }, { present: number }>(
    'participation.workshops.attendance',
  ),
  rankProblems: rpc<RankProblemsDto & { workshopId: string }, WorkshopView>('participation.workshops.problems'),
  workshopOutputs: rpc<WorkshopOutputsDto & { workshopId: string }, WorkshopView>('participation.workshops.outputs'),
  createDraft: rpc<DraftCommitmentDto, DraftCommitmentView>('participation.drafts.create'),
  listDrafts: rpc<{ cycleId: string }, DraftCommitmentView[]>('participation.drafts.list'),
  comment: rpc<CommentDto & { draftId: string }, CommentView>('participation.comments.create'),
  listComments: rpc<PageQuery & { draftId: string }, Page<CommentView>>('participation.comments.list'),
  answerComment: rpc<CommentAnswerDto & { commentId: string }, CommentView>('participation.comments.answer'),
  commentHistory: rpc<PageQuery & { id: string }, Page<HistoryEntry>>('participation.comments.history'),
  apply: rpc<CandidacyDto, { id: string; status: string }>('participation.candidacies.apply'),
  listCandidacies: rpc<
    { cycleId: string },
    { id: string; organisation: string; status: string; score: number | null }[]
  >('participation.candidacies.list'),
  select: rpc<SelectionDto, CompositionView>('participation.committee.select'),
  addGovernmentSeat: rpc<GovernmentSeatDto, CompositionView>('participation.committee.government-seat'),
  endSeat: rpc<EndSeatDto & { seatId: string }, CompositionView>('participation.committee.end-seat'),
  composition: rpc<Record<string, never>, CompositionView>('participation.committee.composition'),
  createPublication: rpc<PublicationDto, PublicationView>('participation.publications.create'),
  publish: rpc<{ id: string }, PublicationView>('participation.publications.publish'),
  listPublications: rpc<PageQuery & { kind?: string; drafts?: boolean }, Page<PublicationView>>(
    'participation.publications.list',
  ),
  /** Answered by the participation service: the public ideas of a cycle, by submission time then id. */
  openIdeas: rpc<
    { cycleId: string; after?: { submittedAt: string; id: string }; limit: number },
    { items: (OpenIdeaRow & { submittedAt: string })[] }
  >('participation.open-data.ideas'),
  openIdeasVersion: rpc<{ cycleId: string }, DatasetVersion>('participation.open-data.ideas-version'),
} as const;

export interface IdeaFateEvent {
  ideaId: string;
  cycleId: string;
  authorId: string | null;
  title: string;
  status: FateStatus | 'published';
  explanation: string | null;
}

export const ParticipationEvents = {
  cycleCreated: event<{ cycleId: string; programmeId: string; code: string }>('participation.cycle.created'),
  ideaSubmitted: event<{
    ideaId: string;
    cycleId: string;
    themeId: string;
    channel: string;
    authorId: string | null;
    workshopId: string | null;
  }>('participation.idea.submitted'),
  ideaFateChanged: event<IdeaFateEvent>('participation.idea.fate-changed'),
  ideaHidden: event<{ ideaId: string; reason: string }>('participation.idea.hidden'),
  ideaReported: event<{ ideaId: string; reports: number }>('participation.idea.reported'),
  workshopCreated: event<{ workshopId: string; cycleId: string; startsAt: string; capacity: number }>(
    'participation.workshop.created',
  ),
  registrationConfirmed: event<{ workshopId: string; userId: string; code: string; startsAt: string }>(
    'participation.registration.confirmed',
  ),
  registrationCancelled: event<{ workshopId: string; userId: string; code: string }>(
    'participation.registration.cancelled',
  ),
  attendanceMarked: event<{ workshopId: string; present: number }>('participation.workshop.attendance-marked'),
  commentPosted: event<{
    commentId: string;
    draftId: string;
    institution: string;
    institutionId: string | null;
    body: string;
  }>('participation.comment.posted'),
  commentAnswered: event<{ commentId: string; draftId: string; authorId: string }>('participation.comment.answered'),
  candidacySubmitted: event<{ candidacyId: string; cycleId: string; organisation: string }>(
    'participation.candidacy.submitted',
  ),
  seatChanged: event<{
    seatId: string;
    sector: string;
    holder: string;
    change: 'created' | 'ended';
    reason: string | null;
  }>('participation.seat.changed'),
  publicationPublished: event<{ publicationId: string; kind: string; title: Localized; cycleId: string | null }>(
    'participation.publication.published',
  ),
} as const;
