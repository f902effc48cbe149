import { CommitmentChangedEvent, Localized } from '@ogp/contracts';

/** A commitments row as the service reads it (snake case, numerics as strings). */
export interface CommitmentRow {
  id: string;
  plan_id: string;
  area_id: string;
  programme_id: string;
  /** The programme's time zone: what "today" means for this commitment. */
  time_zone: string;
  number: number;
  title: Localized;
  start_date: Date;
  end_date: Date;
  card: Record<string, unknown>;
  ogp_values: string[];
  lead_institution_id: string;
  supporting_institution_ids: string[];
  status: string;
  tracking_strategy: string | null;
  institution_strategy: string | null;
  programme_strategy: string | null;
  rollup_weight: string;
  progress: string;
  completion_level: string;
  manual_level: string | null;
  level_override: unknown;
  progress_explanation: string | null;
  progress_stale: boolean;
  stale_reason: string | null;
  last_report_at: Date | null;
  version: number;
}

export function eventBase(row: CommitmentRow): CommitmentChangedEvent {
  return {
    commitmentId: row.id,
    planId: row.plan_id,
    programmeId: row.programme_id,
    leadInstitutionId: row.lead_institution_id,
    number: row.number,
    title: row.title,
  };
}

/** A raw SQL row, typed where it is mapped to a view. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SqlRow = Record<string, any>;
