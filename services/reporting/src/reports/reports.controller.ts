import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { PageQueryDto, ReportingRpc, ReportRequestDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { ReportChunkDto } from './dto/report-chunk.dto';
import { ReportIdDto } from './dto/report-id.dto';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(ReportingRpc.requestReport.subject)
  request(@Payload() dto: ReportRequestDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.reports.request(
      actor,
      dto.kind,
      dto.format,
      {
        planId: dto.planId,
        cycleId: dto.cycleId,
        language: dto.language,
      },
      key,
    );
  }

  @MessagePattern(ReportingRpc.getReport.subject)
  get(@Payload() dto: ReportIdDto) {
    return this.reports.get(dto.id);
  }

  @MessagePattern(ReportingRpc.listReports.subject)
  list(@Payload() dto: PageQueryDto) {
    return this.reports.list(dto);
  }

  @MessagePattern(ReportingRpc.reportChunk.subject)
  chunk(@Payload() dto: ReportChunkDto) {
    return this.reports.chunk(dto.id, dto.index);
  }
}
