import { TEST_DATABASE_URL } from '@ogp/testing';
import fc from 'fast-check';
import { Client } from 'pg';
import { completeSql } from '../completion-level';
import { isCommitmentLate, isOverdue, lateSql, localDate, overdueSql, todaySql } from './index';

/** The SQL twins must say what the functions say, on the real Postgres, or a sweep and a card disagree. */
describe('the schedule rules and their SQL twins agree (real Postgres)', () => {
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  const ZONES = ['Africa/Casablanca', 'UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati'];
  const day = fc
    .integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

  beforeAll(() => pg.connect());
  afterAll(() => pg.end());

  it('today: Postgres and the runtime put every instant on the same date in each zone (Ramadan changes in Casablanca included)', async () => {
    const instants = fc.sample(
      fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
      { numRuns: 3000, seed: 42 },
    );
    // Every hour boundary around the 2026 Ramadan changes of Morocco, where the offset moves.
    for (let t = Date.parse('2026-02-13T00:00:00Z'); t < Date.parse('2026-02-17T00:00:00Z'); t += 1800_000)
      instants.push(new Date(t));
    for (let t = Date.parse('2026-03-19T00:00:00Z'); t < Date.parse('2026-03-24T00:00:00Z'); t += 1800_000)
      instants.push(new Date(t));
    for (const zone of ZONES) {
      const { rows } = await pg.query(
        `SELECT ${todaySql('t', '$1')}::text AS d FROM unnest($2::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i`,
        [zone, instants.map((i) => i.toISOString())],
      );
      const mismatches = instants.filter((instant, i) => rows[i].d !== localDate(instant, zone));
      expect({ zone, mismatches: mismatches.slice(0, 3).map((m) => m.toISOString()) }).toEqual({
        zone,
        mismatches: [],
      });
    }
  });

  it('overdue and late: the SQL twin answers like the function for generated dates, periods and progress', async () => {
    const cases = fc.sample(
      fc.record({
        endDate: day,
        startDate: fc.option(day, { nil: null }),
        lastReportDate: fc.option(day, { nil: null }),
        progress: fc.constantFrom(0, 40, 99.99, 100),
        period: fc.integer({ min: 7, max: 366 }),
        today: day,
      }),
      { numRuns: 3000, seed: 7 },
    );
    const { rows } = await pg.query(
      `SELECT ${overdueSql({ endDate: 'c.end_date', completed: completeSql('c.progress') }, 'c.today')} AS overdue,
              ${lateSql({ startDate: 'c.start_date', lastReportDate: 'c.last_report', completed: completeSql('c.progress') }, 'c.today', 'c.period')} AS late
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (end_date date, start_date date, last_report date, progress numeric, period int, today date))
              WITH ORDINALITY AS c(end_date, start_date, last_report, progress, period, today, i)
        ORDER BY c.i`,
      [
        JSON.stringify(
          cases.map((c) => ({
            end_date: c.endDate,
            start_date: c.startDate,
            last_report: c.lastReportDate,
            progress: c.progress,
            period: c.period,
            today: c.today,
          })),
        ),
      ],
    );
    const disagreements = cases.filter((c, i) => {
      const completed = c.progress >= 100;
      return (
        rows[i].overdue !== isOverdue({ endDate: c.endDate, completed }, c.today) ||
        rows[i].late !==
          isCommitmentLate({ startDate: c.startDate, lastReportDate: c.lastReportDate, completed }, c.today, c.period)
      );
    });
    expect(disagreements.slice(0, 3)).toEqual([]);
    // Both sides of each rule were exercised.
    expect(new Set(rows.map((r) => r.late)).size).toBe(2);
    expect(new Set(rows.map((r) => r.overdue)).size).toBe(2);
  });
});
