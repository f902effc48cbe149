import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, RoleGroup } from '@ogp/auth';
import {
  ActivityStatus,
  boundPage,
  CommitmentsEvents,
  CommitmentsRpc,
  CommitmentView,
  DomainError,
  ErrorCode,
  Page,
  ProgressReportView,
  ReportProgressDto,
} from '@ogp/contracts';
import { runIdempotent } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { today } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { activityStatusFor } from '../activities/activity-rules';
import { CommitmentRow, eventBase } from '../commitments/commitment-row';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { CommitmentChangeRunner } from './commitment-change.runner';
import { checkEvidenceFile } from './evidence-file';
import { assertNotInFuture, evidenceEntry, reportedProgress } from './progress-report';
import { EvidenceFileContent, ProgressRepository, ReportedActivityRow } from './progress.repository';
import { StrategyReadings } from './rollup.repository';

/** Progress reports on activities, with their evidence; each moves the commitment's progress. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: ProgressRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly journal: CommitmentJournal,
    private readonly clock: Clock,
  ) {}

  report(
    actor: Actor | null,
    commitmentId: string,
    dto: ReportProgressDto,
    idempotencyKey: string | null = null,
  ): Promise<CommitmentView> {
    const progress = reportedProgress(dto);
    const status = activityStatusFor(progress);
    const opening = this.repository.reportOpening(commitmentId, dto.activityId, progress, status);
    return this.runner.run(
      actor,
      commitmentId,
      RoleGroup.MANAGERS,
      async (m, row, who, [activity]) => {
        // A retry of a report already stored (its answer was lost) changes nothing: the key is kept with the report.
        let readings: StrategyReadings | false = false;
        await runIdempotent(
          m,
          idempotencyKey && `${who.id}:${idempotencyKey}`,
          CommitmentsRpc.reportProgress.subject,
          async () => {
            readings = await this.store(
              m,
              row,
              who,
              dto,
              progress,
              status,
              activity as ReportedActivityRow | undefined,
            );
            return null;
          },
        );
        return readings;
      },
      opening,
    );
  }

  private async store(
    m: EntityManager,
    row: CommitmentRow,
    who: Actor,
    dto: ReportProgressDto,
    progress: number,
    status: ActivityStatus,
    activity: ReportedActivityRow | undefined,
  ): Promise<StrategyReadings> {
    assertNotInFuture(dto.reportedOn, today(this.clock, row.time_zone));
    if (!activity) throw new DomainError(ErrorCode.NOT_FOUND, 'no such activity in this commitment');
    const evidence = (dto.files ?? []).map(checkEvidenceFile);
    const reportId = randomUUID();
    const journal = this.journal.rows(m, row.id, who.id).add(
      {
        action: 'progress_reported',
        before: { activityId: dto.activityId, progress: activity.progress, status: activity.status },
        after: { activityId: dto.activityId, progress, status, reportId },
      },
      {
        contract: CommitmentsEvents.progressReported,
        data: {
          ...eventBase(row),
          reportId,
          results: dto.results ?? null,
          activityId: dto.activityId,
          activityTitle: activity.title,
          progress,
          reportedOn: dto.reportedOn,
          reportedBy: who.id,
        },
      },
    );
    await this.repository.recordReport(
      m,
      {
        id: reportId,
        commitmentId: row.id,
        activityId: dto.activityId,
        progress,
        reportedOn: dto.reportedOn,
        results: dto.results ?? null,
        evidence: dto.evidence ?? [],
        reportedBy: who.id,
      },
      status,
      journal,
    );
    const files = [];
    for (const checked of evidence) {
      files.push(evidenceEntry({ ...checked, id: await this.repository.insertEvidenceFile(m, reportId, checked) }));
    }
    if (files.length) await this.repository.appendEvidence(m, reportId, files);
    return { activities: activity.activities, indicators: activity.indicators };
  }

  /** Reports of a commitment with their evidence, newest first. */
  async reports(commitmentId: string, page: { limit?: number; offset?: number }): Promise<Page<ProgressReportView>> {
    const { limit, offset } = boundPage(page);
    const m = this.dataSource.manager;
    await this.commitments.assertExists(m, commitmentId);
    const total = await this.repository.countOf(m, commitmentId);
    const items = await this.repository.pageOf(m, commitmentId, limit, offset);
    return { items, total, limit, offset };
  }

  /** An evidence file, public like the report it supports. */
  async evidenceFile(id: string): Promise<EvidenceFileContent> {
    const file = await this.repository.evidenceFile(this.dataSource.manager, id);
    if (!file) throw new DomainError(ErrorCode.NOT_FOUND, 'no such evidence file');
    return file;
  }
}
