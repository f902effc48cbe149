import { completeSql, lateSql, localDateSql, overdueSql, todaySql } from '@ogp/tracking';

/**
 * The libs/tracking schedule rules over this service's tables: `p` is the programme, `c` the
 * commitment, `a` an activity, `now` the bind parameter holding the clock's instant.
 */
export const scheduleFlags = {
  today: (now: string) => todaySql(now, 'p.time_zone'),
  late: (now: string) =>
    lateSql(
      {
        startDate: 'c.start_date',
        lastReportDate: localDateSql('c.last_report_at', 'p.time_zone'),
        completed: completeSql('c.progress'),
      },
      todaySql(now, 'p.time_zone'),
      'p.reporting_period_days',
    ),
  activityOverdue: (now: string) =>
    overdueSql({ endDate: 'a.end_date', completed: `a.status = 'completed'` }, todaySql(now, 'p.time_zone')),
};
