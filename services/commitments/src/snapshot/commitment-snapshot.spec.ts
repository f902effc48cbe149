import { snapshotLimit, toSnapshots } from './commitment-snapshot';

describe('commitment snapshot', () => {
  it('a page holds 1 to 500 commitments', () => {
    expect(snapshotLimit(0)).toBe(1);
    expect(snapshotLimit(50)).toBe(50);
    expect(snapshotLimit(900)).toBe(500);
  });

  it('each commitment carries its own activities and its last report as ISO time', () => {
    const base = {
      programme_id: 'p',
      plan_id: 'pl',
      area_id: 'a',
      area_title: { ar: 'م' },
      lead_institution_id: 'i',
      title: { ar: 'ع' },
      start_date: '2024-01-01',
      end_date: '2024-12-31',
      progress: 10,
      completion_level: 'limited' as const,
    };
    const [one, two] = toSnapshots(
      [
        { ...base, id: 'c1', number: 1, last_report_at: new Date('2024-05-01T10:00:00Z') },
        { ...base, id: 'c2', number: 2, last_report_at: null },
      ],
      [
        {
          id: 'x',
          commitment_id: 'c2',
          title: { ar: 'ن' },
          end_date: '2024-06-01',
          progress: 0,
          status: 'not_started',
        },
      ],
    );
    expect(one.activities).toEqual([]);
    expect(one.lastReportAt).toBe('2024-05-01T10:00:00.000Z');
    expect(two.activities).toEqual([
      { id: 'x', title: { ar: 'ن' }, endDate: '2024-06-01', progress: 0, status: 'not_started' },
    ]);
    expect(two.lastReportAt).toBeNull();
  });
});
