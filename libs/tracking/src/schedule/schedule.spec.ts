import { addDays, isCommitmentLate, isLate, isOverdue, isTimeZone, localDate, reportingSince, today } from './index';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('today in the programme time zone', () => {
  it('UTC: the date turns at midnight UTC', () => {
    expect(today(at('2026-05-14T23:59:59.999Z'), 'UTC')).toBe('2026-05-14');
    expect(today(at('2026-05-15T00:00:00.000Z'), 'UTC')).toBe('2026-05-15');
  });

  it('Africa/Casablanca (UTC+1 outside Ramadan): 23:30 UTC is already tomorrow there', () => {
    expect(today(at('2026-05-14T22:59:59.999Z'), 'Africa/Casablanca')).toBe('2026-05-14');
    expect(today(at('2026-05-14T23:00:00.000Z'), 'Africa/Casablanca')).toBe('2026-05-15');
    expect(today(at('2026-05-14T23:30:00Z'), 'UTC')).toBe('2026-05-14');
  });

  it('Africa/Casablanca during Ramadan 2026 (UTC+0): 23:30 UTC is still today there', () => {
    expect(today(at('2026-03-01T23:30:00Z'), 'Africa/Casablanca')).toBe('2026-03-01');
    expect(today(at('2026-03-02T00:00:00Z'), 'Africa/Casablanca')).toBe('2026-03-02');
  });

  it('the server time zone plays no part', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(localDate(new Date('2026-05-14T12:00:00Z'), 'UTC')).toBe('2026-05-14');
    } finally {
      process.env.TZ = previous;
    }
  });

  it('every time zone the runtime knows has "today" within a day of UTC (what todayBoundsSql relies on)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    // Just after and just before midnight UTC, weekly for a year: where a zone would leave the bounds.
    for (let day = Date.parse('2026-01-01T00:00:00Z'); day < Date.parse('2027-01-01T00:00:00Z'); day += 7 * 86400_000) {
      for (const instant of [new Date(day + 30_000), new Date(day + 86400_000 - 30_000)]) {
        const utc = localDate(instant, 'UTC');
        for (const zone of zones) {
          const local = localDate(instant, zone);
          if (local < addDays(utc, -1) || local > addDays(utc, 1))
            throw new Error(`${zone} at ${instant.toISOString()} is on ${local}`);
        }
      }
    }
  });

  it('knows a time zone from a made-up one', () => {
    expect(isTimeZone('Africa/Casablanca')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-01', 60)).toBe('2027-01-30');
  });
});

describe('overdue', () => {
  it('an activity due yesterday and not completed is overdue; due today is not', () => {
    expect(isOverdue({ endDate: '2026-05-14', completed: false }, '2026-05-15')).toBe(true);
    expect(isOverdue({ endDate: '2026-05-15', completed: false }, '2026-05-15')).toBe(false);
  });

  it('a completed activity is never overdue', () => {
    expect(isOverdue({ endDate: '2020-01-01', completed: true }, '2026-05-15')).toBe(false);
  });

  it('at 23:30 UTC an activity due that day is overdue in Casablanca and not yet in UTC', () => {
    const clock = at('2026-05-14T23:30:00Z');
    const activity = { endDate: '2026-05-14', completed: false };
    expect(isOverdue(activity, today(clock, 'Africa/Casablanca'))).toBe(true);
    expect(isOverdue(activity, today(clock, 'UTC'))).toBe(false);
  });
});

describe('late', () => {
  it('a report on the last day of the period is on time; the day after, late', () => {
    expect(isLate('2026-01-01', '2026-03-02', 60)).toBe(false); // 2026-01-01 + 60 = 2026-03-02
    expect(isLate('2026-01-01', '2026-03-03', 60)).toBe(true);
  });

  it('the period is a parameter: 30 days makes the same commitment late sooner', () => {
    expect(isLate('2026-01-01', '2026-02-15', 60)).toBe(false);
    expect(isLate('2026-01-01', '2026-02-15', 30)).toBe(true);
  });

  it('the period runs from the later of the start and the last report', () => {
    expect(reportingSince('2026-01-01', null)).toBe('2026-01-01');
    expect(reportingSince('2026-01-01', '2026-02-10')).toBe('2026-02-10');
    expect(reportingSince('2026-03-01', '2026-02-10')).toBe('2026-03-01');
    expect(reportingSince(null, null)).toBeNull();
    expect(isLate(null, '2026-05-15', 7)).toBe(false);
  });

  it('a complete commitment is never late', () => {
    const work = { startDate: '2025-01-01', lastReportDate: null, completed: false };
    expect(isCommitmentLate(work, '2026-05-15', 60)).toBe(true);
    expect(isCommitmentLate({ ...work, completed: true }, '2026-05-15', 60)).toBe(false);
  });

  it('around midnight the same report is late in Casablanca and not yet in UTC', () => {
    const summer = at('2026-07-01T23:30:00Z');
    expect(today(summer, 'Africa/Casablanca')).toBe('2026-07-02');
    expect(isLate('2026-05-02', today(summer, 'Africa/Casablanca'), 60)).toBe(true);
    expect(isLate('2026-05-02', today(summer, 'UTC'), 60)).toBe(false);
  });
});
