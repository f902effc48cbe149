import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, IdParamDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { ReportProgressCmd, ReportsQueryDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

/**
 * A report as the gateway validated it (design rule 5; only the gateway publishes this subject, after
 * its ValidationPipe and its uuid check of the commitment's id). Typed by its contract rather than by
 * the class, so the global ValidationPipe leaves it as it came instead of running class-validator
 * again on the hottest command (the DTO has no defaults or transforms the service relies on); the
 * service keeps the checks that need its data (the activity, the date, the evidence files, scope).
 */
type GatewayValidated<T> = Readonly<T>;

@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @MessagePattern(CommitmentsRpc.reportProgress.subject)
  report(
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
