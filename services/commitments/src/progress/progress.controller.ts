import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { IdParamDto, PlansRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { ReportProgressCmd, ReportsQueryDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @MessagePattern(PlansRpc.reportProgress.subject)
  report(@Payload() dto: ReportProgressCmd, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    const { commitmentId, ...report } = dto;
    return this.progress.report(actor, commitmentId, report, key);
  }

  @MessagePattern(PlansRpc.listReports.subject)
  reports(@Payload() dto: ReportsQueryDto) {
    return this.progress.reports(dto.commitmentId, dto);
  }

  @MessagePattern(PlansRpc.evidenceFile.subject)
  evidence(@Payload() dto: IdParamDto) {
    return this.progress.evidenceFile(dto.id);
  }
}
