import { CommitmentSnapshot } from '@ogp/contracts';
import { isoOrNull } from '../commitments/commitment-views.service';
import { SnapshotActivityRow, SnapshotCommitmentRow } from './snapshot.repository';

/** A page of snapshot rows, each commitment with its own activities. */
export function toSnapshots(rows: SnapshotCommitmentRow[], activities: SnapshotActivityRow[]): CommitmentSnapshot[] {
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    planId: r.plan_id,
    areaId: r.area_id,
    areaTitle: r.area_title,
    institutionId: r.lead_institution_id,
    number: r.number,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    progress: r.progress,
    completionLevel: r.completion_level,
    lastReportAt: isoOrNull(r.last_report_at),
    activities: activities
      .filter((a) => a.commitment_id === r.id)
      .map((a) => ({ id: a.id, title: a.title, endDate: a.end_date, progress: a.progress, status: a.status })),
  }));
}

/** A page holds 1 to 500 commitments. */
export const snapshotLimit = (limit: number) => Math.min(Math.max(limit, 1), 500);
