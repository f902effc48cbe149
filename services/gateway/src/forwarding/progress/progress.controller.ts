import { Body, Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import {
  CommitmentsRpc,
  EVIDENCE_TYPES,
  IndicatorValueDto,
  ManualLevelDto,
  OverrideLevelDto,
  ReportProgressDto,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { FastifyReply } from 'fastify';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiFileResponse } from '../../openapi/api-file-response.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/**
 * A commitment's progress: the reports with their evidence (public), the figures its project
 * managers report, and the completion level the coordination team may override.
 */
@ApiTags('commitments')
@ApiOperationPrefix('commitments')
@Controller()
export class ProgressController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('commitments/:id/reports')
  reports(@Param('id', uuid()) commitmentId: string, @Query() page: PageQueryDto) {
    return this.rpc.request(CommitmentsRpc.listReports, { commitmentId, limit: page.limit, offset: page.offset });
  }

  /** An evidence file, sent as a download of its checked type, never rendered inline. */
  @Public()
  @ApiFileResponse(...EVIDENCE_TYPES)
  @Get('evidence/:id')
  async evidence(@Param('id', uuid()) id: string, @Res() reply: FastifyReply) {
    const file = await this.rpc.request(CommitmentsRpc.evidenceFile, { id });
    await reply
      .header('content-type', file.type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(Buffer.from(file.content, 'base64'));
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.MANAGERS)
  @Post('commitments/:id/progress')
  reportProgress(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: ReportProgressDto) {
    return this.rpc.request(CommitmentsRpc.reportProgress, { ...dto, commitmentId }, asActor(req));
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.MANAGERS)
  @Put('commitments/:id/indicators')
  setIndicator(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: IndicatorValueDto) {
    return this.rpc.request(CommitmentsRpc.setIndicator, { ...dto, commitmentId }, asActor(req));
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.MANAGERS)
  @Put('commitments/:id/manual-level')
  setManualLevel(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: ManualLevelDto) {
    return this.rpc.request(CommitmentsRpc.setManualLevel, { ...dto, commitmentId }, asActor(req));
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @Put('commitments/:id/completion-level-override')
  overrideLevel(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: OverrideLevelDto) {
    return this.rpc.request(CommitmentsRpc.overrideLevel, { ...dto, commitmentId }, asActor(req));
  }
}
