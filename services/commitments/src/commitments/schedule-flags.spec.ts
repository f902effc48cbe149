import { completeSql, lateSql, localDateSql, overdueSql, todaySql } from '@ogp/tracking';
import { scheduleFlags } from './schedule-flags';

/** The card's flags are the shared libs/tracking rules over this service's columns, never a rule of their own. */
describe('scheduleFlags', () => {
  it('today is the instant in the programme’s time zone', () => {
    expect(scheduleFlags.today('$1')).toBe(todaySql('$1', 'p.time_zone'));
  });

  it('late: no report within the programme’s period since the start or the last report, unless complete', () => {
    const sql = scheduleFlags.late('$1');
    expect(sql).toBe(
      lateSql(
        {
          startDate: 'c.start_date',
          lastReportDate: localDateSql('c.last_report_at', 'p.time_zone'),
          completed: completeSql('c.progress'),
        },
        todaySql('$1', 'p.time_zone'),
        'p.reporting_period_days',
      ),
    );
    expect(sql).toContain('p.reporting_period_days');
  });

  it('an activity is overdue past its end date unless completed', () => {
    expect(scheduleFlags.activityOverdue('$2')).toBe(
      overdueSql({ endDate: 'a.end_date', completed: `a.status = 'completed'` }, todaySql('$2', 'p.time_zone')),
    );
  });
});
