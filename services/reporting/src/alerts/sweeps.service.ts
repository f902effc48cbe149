import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DEADLINE_NOTICE_MAX_DAYS } from '@ogp/contracts';
import { OUTBOX_WRITTEN } from '@ogp/messaging';
import { Clock, currentCorrelationId, LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ReportingJobs } from '../jobs/job-name.constant';
import { JobRegistry } from '../jobs/job.registry';
import { programmeSchedule } from '../read-models/programme-schedule';

export type SweepKind = 'deadlines' | 'overdue' | 'late_reporting' | 'periodic' | 'meeting';

const PM = `ARRAY['project_managers']::text[]`;
const ALL = `ARRAY['project_managers','coordinators','committee']::text[]`;
const S = programmeSchedule;
const OPEN_ACTIVITY = `NOT a.removed AND NOT ${S.activityCompleted}`;
const COLUMNS = `kind, item_id, programme_id, period_key, commitment_id, institution_id, activity_id, title, due_date, audience, summary, activity_title`;

/**
 * The candidate alerts of each sweep: (kind, item, period) is what makes an alert once. `$1` is
 * the clock's instant; each programme's "today", overdue and late come from libs/tracking.
 */
const CANDIDATES: Record<SweepKind, string> = {
  deadlines: `SELECT 'deadline_approaching' AS kind, a.id AS item_id, c.programme_id, a.end_date::text AS period_key, c.id AS commitment_id, c.institution_id,
                     a.id AS activity_id, c.title, a.end_date::text AS due_date, ${PM} AS audience, NULL::jsonb AS summary, a.title AS activity_title
                FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
               WHERE ${OPEN_ACTIVITY} AND a.end_date >= ${S.earliestToday} AND a.end_date <= ${S.latestToday} + ${DEADLINE_NOTICE_MAX_DAYS}
                 AND a.end_date >= ${S.today} AND a.end_date - ${S.deadlineNoticeDays} <= ${S.today}`,
  overdue: `SELECT 'overdue', a.id, c.programme_id, 'overdue', c.id, c.institution_id, a.id, c.title, a.end_date::text, ${ALL}, NULL::jsonb, a.title
              FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
             WHERE NOT a.removed AND ${S.activityOverdue}
            UNION ALL
            SELECT 'overdue_escalation', a.id, c.programme_id, 'escalation', c.id, c.institution_id, a.id, c.title, a.end_date::text, ${ALL}, NULL::jsonb, a.title
              FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id ${S.join}
             WHERE ${OPEN_ACTIVITY} AND a.end_date + ${S.escalationDays} < ${S.today}
            UNION ALL
            SELECT 'commitment_overdue', c.id, c.programme_id, 'overdue', c.id, c.institution_id, NULL::uuid, c.title, c.end_date::text, ${ALL}, NULL::jsonb, NULL::jsonb
              FROM rm_commitments c ${S.join} WHERE ${S.commitmentOverdue}`,
  late_reporting: `WITH base AS (
                     SELECT c.*, ${S.reportingPeriodDays} AS period, ${S.reportingSince} AS since, ${S.today} AS today,
                            ${S.late()} AS late, ${S.late(S.escalationDays)} AS escalated
                       FROM rm_commitments c ${S.join} WHERE c.start_date IS NOT NULL)
                   SELECT 'late_reporting', id, programme_id, since::text || '/' || floor((today - since) / period)::text, id, institution_id, NULL::uuid, title, NULL::text, ${PM}, NULL::jsonb, NULL::jsonb
                     FROM base WHERE late
                   UNION ALL
                   SELECT 'late_reporting_escalation', id, programme_id, since::text || '/' || floor((today - since) / period)::text, id, institution_id, NULL::uuid, title, NULL::text,
                          ARRAY['coordinators']::text[], NULL::jsonb, NULL::jsonb
                     FROM base WHERE escalated`,
  periodic: `SELECT 'periodic_report', c.programme_id, c.programme_id, to_char(${S.today}, 'YYYY-MM'), NULL::uuid, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::text,
                    ARRAY['committee','coordinators']::text[],
                    jsonb_build_object('commitments', count(*), 'progress', round(avg(c.progress), 2),
                      'overdueActivities', (SELECT count(*) FROM rm_activities a JOIN rm_commitments cc ON cc.id = a.commitment_id
                                             WHERE cc.programme_id = c.programme_id AND NOT a.removed AND ${S.activityOverdue}),
                      'lateCommitments', count(*) FILTER (WHERE ${S.late()})),
                    NULL::jsonb
               FROM rm_commitments c ${S.join} GROUP BY c.programme_id, s.programme_id`,
  meeting: `SELECT DISTINCT 'meeting_reminder', c.programme_id, c.programme_id, to_char(${S.today}, 'YYYY-"Q"Q'), NULL::uuid, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::text,
                   ARRAY['committee']::text[], NULL::jsonb, NULL::jsonb
              FROM rm_commitments c ${S.join}`,
};

/**
 * Deadline sweeps over Postgres. Each is one statement: the new alerts and their events (the
 * outbox rows) are written together, and an alert already raised for the same item and period
 * is not raised again, so a sweep run twice alerts once.
 */
@Injectable()
export class SweepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    registry: JobRegistry,
  ) {
    registry.register(ReportingJobs.deadlineSweep, () => this.run('deadlines'));
    registry.register(ReportingJobs.overdueSweep, () => this.run('overdue'));
    registry.register(ReportingJobs.lateReportingSweep, () => this.run('late_reporting'));
    registry.register(ReportingJobs.periodicReport, () => this.run('periodic'));
    registry.register(ReportingJobs.meetingReminder, () => this.run('meeting'));
  }

  async run(kind: SweepKind): Promise<{ raised: number }> {
    const now = this.clock.now().toISOString();
    const raised = await this.dataSource.transaction(async (m) => {
      const [{ n }] = await m.query(
        `WITH candidates (${COLUMNS}) AS (${CANDIDATES[kind]}),
         ins AS (
           INSERT INTO alerts (id, kind, item_id, programme_id, period_key)
           SELECT gen_random_uuid(), kind, item_id, programme_id, period_key FROM candidates
           ON CONFLICT (kind, item_id, period_key) DO NOTHING
           RETURNING id, kind, item_id, period_key),
         ev AS (
           SELECT gen_random_uuid() AS oid, ins.id AS alert_id, count(*) OVER () AS sweep_size, c.* FROM ins JOIN candidates c USING (kind, item_id, period_key)),
         out AS (
           INSERT INTO outbox (id, type, subject, envelope, headers)
           SELECT oid, 'reporting.alert.raised', 'events.reporting.alert.raised',
                  jsonb_build_object('id', oid, 'type', 'reporting.alert.raised', 'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    'source', 'reporting', 'correlationId', $2::text, 'aggregate', jsonb_build_object('type', 'alert', 'id', alert_id),
                    'data', jsonb_build_object('alertId', alert_id, 'kind', kind, 'programmeId', programme_id, 'commitmentId', commitment_id,
                      'institutionId', institution_id, 'activityId', activity_id, 'title', title, 'dueDate', due_date, 'period', period_key,
                      'audience', to_jsonb(audience), 'summary', summary, 'activityTitle', activity_title,
                      'sweep', jsonb_build_object('id', $3::uuid, 'size', sweep_size))),
                  jsonb_build_object('x-event-type', 'reporting.alert.raised')
             FROM ev RETURNING 1)
         SELECT count(*)::int AS n FROM out`,
        [now, currentCorrelationId() ?? `sweep:${kind}:${now}`, randomUUID()],
      );
      if (n > 0) m.queryRunner!.data = { ...(m.queryRunner!.data ?? {}), [OUTBOX_WRITTEN]: true };
      return n as number;
    });
    this.logger.info({ sweep: kind, now, raised }, 'sweep done');
    return { raised };
  }
}
