import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, assertRole, RpcActor } from '@ogp/auth';
import { ALERT_KINDS, IsOptional, PageQueryDto, ReportingRpc, ReportRequestDto } from '@ogp/contracts';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { AlertsService } from './alerts/alerts.service';
import { SweepKind, SweepsService } from './alerts/sweeps.service';
import { SchedulerService } from './jobs/scheduler.service';
import { ReadModelsService } from './read-models/read-models.service';
import { ReportsService } from './reports/reports.service';

class SweepDto {
  @IsIn(['deadlines', 'overdue', 'late_reporting', 'periodic', 'meeting'])
  kind: SweepKind;
}
class AlertsQuery extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @IsOptional()
  @IsIn(ALERT_KINDS as readonly string[] as string[])
  kind?: string;
}
class IdDto {
  @IsUUID()
  id: string;
}
class ChunkDto extends IdDto {
  @IsInt()
  @Min(0)
  @Max(100000)
  index: number;
}

const STAFF = ['coordinator', 'admin'] as const;

@Controller()
export class ReportingController {
  constructor(
    private readonly sweeps: SweepsService,
    private readonly alertsService: AlertsService,
    private readonly reports: ReportsService,
    private readonly readModels: ReadModelsService,
    private readonly scheduler: SchedulerService,
  ) {}

  /** Runs a sweep now (the schedule runs it anyway); safe to repeat. */
  @MessagePattern(ReportingRpc.runSweep.subject)
  runSweep(@Payload() dto: SweepDto, @RpcActor() actor: Actor | null) {
    assertRole(actor, STAFF);
    return this.sweeps.run(dto.kind);
  }

  @MessagePattern(ReportingRpc.listAlerts.subject)
  alerts(@Payload() q: AlertsQuery, @RpcActor() actor: Actor | null) {
    return this.alertsService.list(actor, q);
  }

  @MessagePattern(ReportingRpc.requestReport.subject)
  request(@Payload() dto: ReportRequestDto, @RpcActor() actor: Actor | null) {
    return this.reports.request(actor, dto.kind, dto.format, {
      planId: dto.planId,
      cycleId: dto.cycleId,
      language: dto.language,
    });
  }

  @MessagePattern(ReportingRpc.getReport.subject)
  get(@Payload() dto: IdDto) {
    return this.reports.get(dto.id);
  }

  @MessagePattern(ReportingRpc.listReports.subject)
  list(@Payload() dto: PageQueryDto) {
    return this.reports.list(dto);
  }

  @MessagePattern(ReportingRpc.reportChunk.subject)
  chunk(@Payload() dto: ChunkDto) {
    return this.reports.chunk(dto.id, dto.index);
  }

  @MessagePattern(ReportingRpc.rebuild.subject)
  rebuild(@RpcActor() actor: Actor | null) {
    assertRole(actor, ['admin']);
    return this.readModels.rebuild();
  }

  @MessagePattern(ReportingRpc.jobs.subject)
  jobs(@RpcActor() actor: Actor | null) {
    assertRole(actor, ['admin']);
    return this.scheduler.overview();
  }
}
