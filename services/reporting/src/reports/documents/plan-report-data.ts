import { Localized } from '@ogp/contracts';

export type ActivityStatus = 'not_started' | 'in_progress' | 'completed' | 'overdue';

/** The contact person of a commitment card, as the commitments service publishes it. */
export interface CommitmentContact {
  name: string;
  department?: string;
  email?: string;
  phone?: string;
}

/** What the plan reports are drawn from: the read models, plus the card details the owning service gives. */
export interface PlanReportData {
  planId: string;
  planTitle: Localized | null;
  generatedOn: string;
  overall: number;
  areas: { title: Localized | null; progress: number; commitments: number }[];
  commitments: {
    number: number;
    title: Localized;
    area: Localized | null;
    completionLevel: string;
    progress: number;
    results: Localized | null;
    institution: Localized | null;
    contact: CommitmentContact | null;
    activities: { title: Localized | null; endDate: string; progress: number; status: ActivityStatus }[];
  }[];
}
