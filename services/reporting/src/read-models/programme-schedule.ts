import {
  completeSql,
  lateSql,
  localDateSql,
  overdueSql,
  PROGRAMME_SCHEDULE_DEFAULTS,
  reportingSinceSql,
  todayBoundsSql,
  todaySql,
} from '@ogp/tracking';

const D = PROGRAMME_SCHEDULE_DEFAULTS;
const TIME_ZONE = `coalesce(s.time_zone, '${D.timeZone}')`;
const TODAY = todaySql('$1', TIME_ZONE);

/**
 * The libs/tracking schedule rules over the read models: `c` is an rm_commitments row, `a` an
 * rm_activities row, `s` the programme's settings (joined with `join`, absent until first set:
 * the defaults then hold), `$1` the clock's instant.
 */
export const programmeSchedule = {
  join: `LEFT JOIN programme_settings s ON s.programme_id = c.programme_id`,
  timeZone: TIME_ZONE,
  today: TODAY,
  reportingPeriodDays: `coalesce(s.reporting_period_days, ${D.reportingPeriodDays})`,
  escalationDays: `coalesce(s.escalation_days, ${D.escalationDays})`,
  deadlineNoticeDays: `coalesce(s.deadline_notice_days, ${D.deadlineNoticeDays})`,
  /** Constant bounds of every programme's "today", for the index on end dates. */
  earliestToday: todayBoundsSql('$1').earliest,
  latestToday: todayBoundsSql('$1').latest,
  activityCompleted: completeSql('a.progress'),
  activityOverdue: overdueSql({ endDate: 'a.end_date', completed: completeSql('a.progress') }, TODAY),
  commitmentOverdue: overdueSql({ endDate: 'c.end_date', completed: completeSql('c.progress') }, TODAY),
  reportingSince: reportingSinceSql('c.start_date', localDateSql('c.last_report_at', TIME_ZONE)),
  /** Late after `extraDays` more than the reporting period (0: late; the escalation delay: escalated). */
  late: (extraDays = '0') =>
    lateSql(
      {
        startDate: 'c.start_date',
        lastReportDate: localDateSql('c.last_report_at', TIME_ZONE),
        completed: completeSql('c.progress'),
      },
      TODAY,
      `coalesce(s.reporting_period_days, ${D.reportingPeriodDays}) + ${extraDays}`,
    ),
};
