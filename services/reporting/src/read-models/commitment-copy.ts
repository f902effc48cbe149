import { CommitmentsEvents, CommitmentSnapshot } from '@ogp/contracts';

type CommitmentCreated = NonNullable<(typeof CommitmentsEvents.commitmentCreated)['data']>;

/** A commitment as announced at its creation: nothing reported yet, every activity not started. */
export function commitmentFromCreated(d: CommitmentCreated): CommitmentSnapshot {
  return {
    id: d.commitmentId,
    programmeId: d.programmeId,
    planId: d.planId,
    areaId: d.areaId,
    areaTitle: d.areaTitle,
    institutionId: d.leadInstitutionId,
    number: d.number,
    title: d.title,
    startDate: d.startDate,
    endDate: d.endDate,
    progress: 0,
    completionLevel: 'not_started',
    lastReportAt: null,
    activities: (d.activities ?? []).map((a) => ({
      id: a.id,
      title: a.title,
      endDate: a.endDate,
      progress: 0,
      status: 'not_started',
    })),
  };
}

/** The owner's snapshot as copied: a completed activity counts as 100 % whatever its last figure. */
export function snapshotCopy(c: CommitmentSnapshot): CommitmentSnapshot {
  return {
    ...c,
    activities: c.activities.map((a) => ({ ...a, progress: a.status === 'completed' ? 100 : a.progress })),
  };
}
