import { activityStatus, meanProgress, planReportData } from './plan-figures';
import type { PlanCommitmentRow } from './reports.repository';

const commitment = (id: string, area: string, progress: number, number = 1): PlanCommitmentRow => ({
  id,
  number,
  title: { ar: `التزام ${id}` },
  area_id: area,
  area_title: { ar: `محور ${area}` },
  progress,
  completion_level: 'limited',
  last_results: null,
  time_zone: 'Africa/Casablanca',
});

describe('report figures', () => {
  it('an activity is completed at 100, overdue past its end date (libs/tracking), else underway or not started', () => {
    expect(activityStatus(100, '2020-01-01', '2026-05-15')).toBe('completed');
    expect(activityStatus(40, '2026-05-14', '2026-05-15')).toBe('overdue');
    expect(activityStatus(40, '2026-05-15', '2026-05-15')).toBe('in_progress');
    expect(activityStatus(0, '2026-06-01', '2026-05-15')).toBe('not_started');
  });

  it('means to two decimals, 0 for nothing', () => {
    expect(meanProgress([])).toBe(0);
    expect(meanProgress([10, 20, 40])).toBe(23.33);
  });

  it('assembles a plan: overall and per-area means, commitments with their card details and dated activities', () => {
    const data = planReportData(
      { id: 'p', title: { ar: 'خطة' } },
      [commitment('c1', 'a1', 20, 1), commitment('c2', 'a1', 60, 2), commitment('c3', 'a2', 100, 3)],
      [
        { commitment_id: 'c1', title: { ar: 'نشاط 1' }, end_date: '2026-05-01', progress: 10 },
        { commitment_id: 'c3', title: { ar: 'نشاط 2' }, end_date: '2026-05-01', progress: 100 },
      ],
      new Map([['c1', { contact: { name: 'Amina' }, institution: { ar: 'وزارة' } }]]),
      '2026-05-15',
    );
    expect(data.overall).toBe(60);
    expect(data.generatedOn).toBe('2026-05-15');
    expect(data.areas).toEqual([
      { title: { ar: 'محور a1' }, progress: 40, commitments: 2 },
      { title: { ar: 'محور a2' }, progress: 100, commitments: 1 },
    ]);
    expect(data.commitments.map((c) => [c.number, c.activities.map((a) => a.status)])).toEqual([
      [1, ['overdue']],
      [2, []],
      [3, ['completed']],
    ]);
    expect(data.commitments[0]).toMatchObject({ contact: { name: 'Amina' }, institution: { ar: 'وزارة' } });
    expect(data.commitments[1]).toMatchObject({ contact: null, institution: null });
  });
});
