import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, IdParamDto } from '@ogp/contracts';
import { GatewayValidated, RpcIdempotencyKey } from '@ogp/messaging';
import { ReportProgressCmd, ReportsQueryDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @MessagePattern(CommitmentsRpc.reportProgress.subject)
  report(
    // Only the gateway publishes this subject, after its ValidationPipe and its uuid check of the commitment's
    // id; the service checks what needs its data (the activity, the date, the evidence files, scope).
    @Payload() dto: GatewayValidated<ReportProgressCmd>,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    const { commitmentId, ...report } = dto;
    return this.progress.report(actor, commitmentId, report, key);
  }

  @MessagePattern(CommitmentsRpc.listReports.subject)
  reports(@Payload() dto: ReportsQueryDto) {
    return this.progress.reports(dto.commitmentId, dto);
  }

  @MessagePattern(CommitmentsRpc.evidenceFile.subject)
  evidence(@Payload() dto: IdParamDto) {
    return this.progress.evidenceFile(dto.id);
  }
}
