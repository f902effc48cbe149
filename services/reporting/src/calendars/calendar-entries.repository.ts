import { Injectable } from '@nestjs/common';
import { Localized } from '@ogp/contracts';
import { completeSql } from '@ogp/tracking';
import { DataSource } from 'typeorm';
import { programmeSchedule as S } from '../read-models/programme-schedule';

/** An activity's deadline, from the read models. */
export interface ActivityDeadline {
  activityId: string;
  activityTitle: Localized | null;
  commitmentId: string;
  commitmentNumber: number;
  commitmentTitle: Localized;
  endDate: string;
}

/** The last day a commitment's next progress report is on time (libs/tracking's "late" rule). */
export interface ReportDue {
  commitmentId: string;
  commitmentNumber: number;
  commitmentTitle: Localized;
  dueDate: string;
}

/** A feed carries at most this many events of one kind: a calendar app should not choke on it. */
export const MAX_CALENDAR_EVENTS = 5000;

/** What the calendars read from the reporting service's own copies of commitments and activities. */
@Injectable()
export class CalendarEntriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every live activity of a plan, by commitment number then date. */
  planDeadlines(planId: string): Promise<ActivityDeadline[]> {
    return this.deadlines(`c.plan_id = $1`, [planId], false);
  }

  /** Activities not yet complete of the commitments these institutions lead. */
  institutionDeadlines(institutionIds: string[]): Promise<ActivityDeadline[]> {
    return this.deadlines(`c.institution_id = ANY($1::uuid[])`, [institutionIds], true);
  }

  /** For each commitment these institutions lead and have not completed: the day its next report is due. */
  async reportsDue(institutionIds: string[]): Promise<ReportDue[]> {
    const rows: { id: string; number: number; title: Localized; due: string }[] = await this.dataSource.query(
      `SELECT c.id, c.number, c.title, (${S.reportingSince} + ${S.reportingPeriodDays})::text AS due
         FROM rm_commitments c ${S.join}
        WHERE c.institution_id = ANY($1::uuid[]) AND NOT (${completeSql('c.progress')}) AND c.start_date IS NOT NULL
        ORDER BY c.number, c.id LIMIT ${MAX_CALENDAR_EVENTS}`,
      [institutionIds],
    );
    return rows.map((r) => ({
      commitmentId: r.id,
      commitmentNumber: r.number,
      commitmentTitle: r.title,
      dueDate: r.due,
    }));
  }

  /** The workshops this person holds a confirmed registration to. */
  async registeredWorkshops(userId: string): Promise<string[]> {
    const rows: { workshop_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT workshop_id FROM rm_registrations WHERE user_id = $1 AND status = 'confirmed' ORDER BY workshop_id LIMIT 100`,
      [userId],
    );
    return rows.map((r) => r.workshop_id);
  }

  private async deadlines(where: string, params: unknown[], openOnly: boolean): Promise<ActivityDeadline[]> {
    const rows: {
      id: string;
      title: Localized | null;
      commitment_id: string;
      number: number;
      commitment_title: Localized;
      end_date: string;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.title, a.commitment_id, c.number, c.title AS commitment_title, a.end_date::text AS end_date
         FROM rm_activities a JOIN rm_commitments c ON c.id = a.commitment_id
        WHERE ${where} AND NOT a.removed ${openOnly ? `AND NOT (${S.activityCompleted})` : ''}
        ORDER BY c.number, a.end_date, a.id LIMIT ${MAX_CALENDAR_EVENTS}`,
      params,
    );
    return rows.map((r) => ({
      activityId: r.id,
      activityTitle: r.title,
      commitmentId: r.commitment_id,
      commitmentNumber: r.number,
      commitmentTitle: r.commitment_title,
      endDate: r.end_date,
    }));
  }
}
