import { CommitmentChangedEvent, CompletionLevel, Localized } from '@ogp/contracts';

export interface LevelOverride {
  level: CompletionLevel;
  reason: string;
  by: string;
  at: string;
}

/** A commitments row as the service locks it, with its programme's zone and strategies (numerics as strings). */
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
  completion_level: CompletionLevel;
  manual_level: CompletionLevel | null;
  level_override: LevelOverride | null;
  progress_explanation: string | null;
  progress_stale: boolean;
  stale_reason: string | null;
  last_report_at: Date | null;
  version: number;
}

/** What every event about a commitment carries. */
export function eventBase(
  row: Pick<CommitmentRow, 'id' | 'plan_id' | 'programme_id' | 'lead_institution_id' | 'number' | 'title'>,
): CommitmentChangedEvent {
  return {
    commitmentId: row.id,
    planId: row.plan_id,
    programmeId: row.programme_id,
    leadInstitutionId: row.lead_institution_id,
    number: row.number,
    title: row.title,
  };
}
