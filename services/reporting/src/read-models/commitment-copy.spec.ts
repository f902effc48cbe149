import { CommitmentSnapshot } from '@ogp/contracts';
import { commitmentFromCreated, snapshotCopy } from './commitment-copy';

const title = { ar: 'ا', fr: 'f', en: 'e' };

describe('commitmentFromCreated', () => {
  it('copies a new commitment with nothing reported and every activity not started', () => {
    const copy = commitmentFromCreated({
      commitmentId: 'c1',
      planId: 'p1',
      programmeId: 'g1',
      leadInstitutionId: 'i1',
      number: 3,
      title,
      areaId: 'a1',
      areaTitle: title,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      activities: [{ id: 'x1', title, endDate: '2026-06-30' }],
    });
    expect(copy).toEqual({
      id: 'c1',
      programmeId: 'g1',
      planId: 'p1',
      areaId: 'a1',
      areaTitle: title,
      institutionId: 'i1',
      number: 3,
      title,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      progress: 0,
      completionLevel: 'not_started',
      lastReportAt: null,
      activities: [{ id: 'x1', title, endDate: '2026-06-30', progress: 0, status: 'not_started' }],
    });
  });
});

describe('snapshotCopy', () => {
  it('counts a completed activity as 100 % and keeps the others figures', () => {
    const snapshot = {
      activities: [
        { id: 'x1', title, endDate: '2026-06-30', progress: 80, status: 'completed' },
        { id: 'x2', title, endDate: '2026-06-30', progress: 40, status: 'in_progress' },
      ],
    } as CommitmentSnapshot;
    expect(snapshotCopy(snapshot).activities.map((a) => a.progress)).toEqual([100, 40]);
  });
});
