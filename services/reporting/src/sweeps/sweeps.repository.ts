import { Injectable } from '@nestjs/common';
import { DEADLINE_NOTICE_MAX_DAYS, ReportingEvents } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { TIME_ORDERED_UUID_SQL } from '@ogp/persistence';
import { EntityManager } from 'typeorm';
import { programmeSchedule as S } from '../read-models/programme-schedule';
import { SweepKind } from './sweep-kind';
import { crossedSinceSql } from './sweep-window';

const PM = `ARRAY['project_managers']::text[]`;
const ALL = `ARRAY['project_managers','coordinators','committee']::text[]`;
const OPEN_ACTIVITY = `NOT a.removed AND NOT ${S.activityCompleted}`;
const COLUMNS = `kind, item_id, programme_id, period_key, commitment_id, institution_id, activity_id, title, due_date, audience, summary, activity_title`;
const DUE_COLUMNS = `a.id, a.commitment_id, a.end_date, a.title, a.progress, a.removed`;
const ESCALATED = `a.end_date + ${S.escalationDays} < ${S.today}`;

/** A sweep's candidate alerts, and the CTEs it needs before (`with`) and after (`after`) them. */
interface SweepSql {
  with?: string;
  candidates: string;
  after?: string;
}

/**
 * The overdue sweep judges only the activities that may have crossed a deadline since its last run:
 * those of programmes it never swept (or swept under other settings), those whose end date (or
 * escalation day) fell between the day it last swept through and today (the index on end dates),
 * and those changed since (activity_changes, written by the read model's trigger). Each programme's
 * day swept through is stamped for the next run.
 *
 * `due` holds those activities' rows, read once (by the index on end dates, by commitment, by
 * primary key for the changed ones) and materialised: the candidates join it to rm_commitments
 * only. Once it was an array of ids read again by primary key for each kind of alert (10,900
 * random heap reads twice, 290 of the statement's 1,480 ms); before that a joined set whose
 * guesses (every programme unswept, activity_changes as large as its last batch) made the planner
 * hash all of rm_activities twice and JIT-compile the statement (1.3 s).
 */
const OVERDUE_SCOPE = `
  overdue_marks AS (
    SELECT w.programme_id, w.swept_through, w.escalation_days
      FROM sweep_watermarks w LEFT JOIN programme_settings s ON s.programme_id = w.programme_id
     WHERE w.sweep = 'overdue' AND w.time_zone = ${S.timeZone} AND w.escalation_days = ${S.escalationDays}),
  programmes AS (
    SELECT DISTINCT c.programme_id, ${S.today} AS today, ${S.timeZone} AS time_zone, ${S.escalationDays} AS escalation_days
      FROM rm_commitments c ${S.join}),
  changed AS (DELETE FROM activity_changes RETURNING activity_id),
  due AS MATERIALIZED (
    SELECT ${DUE_COLUMNS} FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id
      JOIN overdue_marks m ON m.programme_id = c.programme_id JOIN programmes p ON p.programme_id = c.programme_id
     WHERE ${OPEN_ACTIVITY} AND a.end_date >= (SELECT min(swept_through) FROM overdue_marks) AND a.end_date < ${S.latestToday}
       AND ${crossedSinceSql('a.end_date', 'm.swept_through', 'p.today')}
    UNION
    SELECT ${DUE_COLUMNS} FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id
      JOIN overdue_marks m ON m.programme_id = c.programme_id JOIN programmes p ON p.programme_id = c.programme_id
     WHERE ${OPEN_ACTIVITY} AND a.end_date >= (SELECT min(swept_through - escalation_days) FROM overdue_marks)
       AND a.end_date < ${S.latestToday} - (SELECT min(escalation_days) FROM overdue_marks)
       AND ${crossedSinceSql('a.end_date', 'm.swept_through', 'p.today', 'm.escalation_days')}
    UNION
    SELECT ${DUE_COLUMNS} FROM rm_activities a
     WHERE a.commitment_id = ANY (ARRAY(
       SELECT c.id FROM programmes p JOIN rm_commitments c ON c.programme_id = p.programme_id
        WHERE NOT EXISTS (SELECT 1 FROM overdue_marks m WHERE m.programme_id = p.programme_id)))
    UNION
    SELECT ${DUE_COLUMNS} FROM rm_activities a WHERE a.id = ANY (ARRAY(SELECT activity_id FROM changed))),`;

const OVERDUE_STAMP = `,
  stamp AS (
    INSERT INTO sweep_watermarks (programme_id, sweep, swept_through, time_zone, escalation_days)
    SELECT programme_id, 'overdue', today, time_zone, escalation_days FROM programmes
    ON CONFLICT (programme_id, sweep) DO UPDATE
      SET swept_through = EXCLUDED.swept_through, time_zone = EXCLUDED.time_zone,
          escalation_days = EXCLUDED.escalation_days, swept_at = now())`;

/**
 * The candidate alerts of each sweep: (kind, item, period) is what makes an alert once. `$1` is
 * the clock's instant; each programme's "today", overdue and late come from libs/tracking.
 */
const SWEEPS: Record<SweepKind, SweepSql> = {
  deadlines: {
    candidates: `SELECT 'deadline_approaching' AS kind, a.id AS item_id, c.programme_id, a.end_date::text AS period_key, c.id AS commitment_id, c.institution_id,
                     a.id AS activity_id, c.title, a.end_date::text AS due_date, ${PM} AS audience, NULL::jsonb AS summary, a.title AS activity_title
                FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
               WHERE ${OPEN_ACTIVITY} AND a.end_date >= ${S.earliestToday} AND a.end_date <= ${S.latestToday} + ${DEADLINE_NOTICE_MAX_DAYS}
                 AND a.end_date >= ${S.today} AND a.end_date - ${S.deadlineNoticeDays} <= ${S.today}`,
  },
  overdue: {
    with: OVERDUE_SCOPE,
    candidates: `SELECT 'overdue', a.id, c.programme_id, 'overdue', c.id, c.institution_id, a.id, c.title, a.end_date::text, ${ALL}, NULL::jsonb, a.title
              FROM due a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
             WHERE NOT a.removed AND ${S.activityOverdue}
            UNION ALL
            SELECT 'overdue_escalation', a.id, c.programme_id, 'escalation', c.id, c.institution_id, a.id, c.title, a.end_date::text, ${ALL}, NULL::jsonb, a.title
              FROM due a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
             WHERE ${OPEN_ACTIVITY} AND ${ESCALATED}
            UNION ALL
            SELECT 'commitment_overdue', c.id, c.programme_id, 'overdue', c.id, c.institution_id, NULL::uuid, c.title, c.end_date::text, ${ALL}, NULL::jsonb, NULL::jsonb
              FROM rm_commitments c ${S.join} WHERE ${S.commitmentOverdue}`,
    after: OVERDUE_STAMP,
  },
  late_reporting: {
    candidates: `WITH base AS (
                     SELECT c.*, ${S.reportingPeriodDays} AS period, ${S.reportingSince} AS since, ${S.today} AS today,
                            ${S.late()} AS late, ${S.late(S.escalationDays)} AS escalated
                       FROM rm_commitments c ${S.join} WHERE c.start_date IS NOT NULL)
                   SELECT 'late_reporting', id, programme_id, since::text || '/' || floor((today - since) / period)::text, id, institution_id, NULL::uuid, title, NULL::text, ${PM}, NULL::jsonb, NULL::jsonb
                     FROM base WHERE late
                   UNION ALL
                   SELECT 'late_reporting_escalation', id, programme_id, since::text || '/' || floor((today - since) / period)::text, id, institution_id, NULL::uuid, title, NULL::text,
                          ARRAY['coordinators']::text[], NULL::jsonb, NULL::jsonb
                     FROM base WHERE escalated`,
  },
  periodic: {
    candidates: `SELECT 'periodic_report', c.programme_id, c.programme_id, to_char(${S.today}, 'YYYY-MM'), NULL::uuid, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::text,
                    ARRAY['committee','coordinators']::text[],
                    jsonb_build_object('commitments', count(*), 'progress', round(avg(c.progress), 2),
                      'overdueActivities', (SELECT count(*) FROM rm_activities a JOIN rm_commitments cc ON cc.id = a.commitment_id
                                             WHERE cc.programme_id = c.programme_id AND NOT a.removed AND ${S.activityOverdue}),
                      'lateCommitments', count(*) FILTER (WHERE ${S.late()})),
                    NULL::jsonb
               FROM rm_commitments c ${S.join} GROUP BY c.programme_id, s.programme_id`,
  },
  meeting: {
    candidates: `SELECT DISTINCT 'meeting_reminder', c.programme_id, c.programme_id, to_char(${S.today}, 'YYYY-"Q"Q'), NULL::uuid, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::text,
                   ARRAY['committee']::text[], NULL::jsonb, NULL::jsonb
              FROM rm_commitments c ${S.join}`,
  },
};

/**
 * The deadline sweeps over the read models. Each is one statement: the new alerts and their events
 * (outbox rows, through the OutboxWriter) are written together, and an alert already raised for the
 * same item and period is not raised again, so a sweep run twice alerts once.
 */
@Injectable()
export class SweepsRepository {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Raises the sweep's new alerts in the caller's transaction; how many. */
  async raise(manager: EntityManager, kind: SweepKind, now: Date, sweepId: string): Promise<number> {
    const sweep = SWEEPS[kind];
    const events = this.outbox.insertFromSelect(
      ReportingEvents.alertRaised,
      {
        from: 'ev',
        aggregate: { type: 'alert', idSql: 'alert_id' },
        dataSql: `jsonb_build_object('alertId', alert_id, 'kind', kind, 'programmeId', programme_id, 'commitmentId', commitment_id,
                    'institutionId', institution_id, 'activityId', activity_id, 'title', title, 'dueDate', due_date, 'period', period_key,
                    'audience', to_jsonb(audience), 'summary', summary, 'activityTitle', activity_title,
                    'sweep', jsonb_build_object('id', $2::uuid, 'size', sweep_size))`,
      },
      3,
    );
    const [{ n }] = await manager.query<{ n: number }[]>(
      `WITH ${sweep.with ?? ''}
         candidates (${COLUMNS}) AS (${sweep.candidates}),
         ins AS (
           INSERT INTO alerts (id, kind, item_id, programme_id, period_key)
           SELECT ${TIME_ORDERED_UUID_SQL}, kind, item_id, programme_id, period_key FROM candidates
           ON CONFLICT (kind, item_id, period_key) DO NOTHING
           RETURNING id, kind, item_id, period_key),
         ev AS (
           SELECT ins.id AS alert_id, count(*) OVER () AS sweep_size, c.* FROM ins JOIN candidates c USING (kind, item_id, period_key)),
         out AS (${events.sql})${sweep.after ?? ''}
       SELECT count(*)::int AS n FROM out`,
      [now.toISOString(), sweepId, ...events.params],
    );
    if (n > 0) this.outbox.markWritten(manager);
    return n;
  }
}
