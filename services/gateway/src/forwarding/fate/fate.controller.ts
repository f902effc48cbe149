import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { BulkFateStepDto, ErrorCode, FateStepDto, ParticipationRpc, TriageQueryDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/**
 * An idea's fate, set by the coordination team: one step for one idea; or the triage of a cycle's
 * ideas, every idea (hidden ones too) by step, theme or reports, and one fate step for a selection
 * of up to 100, all or none (send an Idempotency-Key to make a retry safe).
 */
@ApiTags('co-creation')
@ApiBearerAuth()
@ApiOperationPrefix('ideaTriage')
@Controller()
export class FateController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
  @ApiOperationPrefix('participation')
  @Post('ideas/:id/fate')
  fate(@Req() req: AuthedRequest, @Param('id', uuid()) ideaId: string, @Body() dto: FateStepDto) {
    return this.rpc.request(ParticipationRpc.fateStep, { ...dto, ideaId }, asActor(req));
  }

  @Roles(...RoleGroup.COORDINATION)
  @Get('cycles/:id/ideas/triage')
  triage(@Req() req: AuthedRequest, @Param('id', uuid()) cycleId: string, @Query() q: TriageQueryDto) {
    return this.rpc.request(
      ParticipationRpc.triageIdeas,
      {
        cycleId,
        status: q.status,
        themeId: q.themeId,
        reported: q.reported,
        hidden: q.hidden,
        limit: q.limit,
        offset: q.offset,
      },
      asActor(req),
    );
  }

  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
  @Post('cycles/:id/ideas/fate')
  bulkFate(@Req() req: AuthedRequest, @Param('id', uuid()) cycleId: string, @Body() dto: BulkFateStepDto) {
    return this.rpc.request(ParticipationRpc.bulkFateStep, { ...dto, cycleId }, { ...asActor(req), timeoutMs: 30000 });
  }
}
