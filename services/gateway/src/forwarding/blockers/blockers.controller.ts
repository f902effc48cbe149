import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { AnswerBlockerDto, BlockerQueryDto, CommitmentsRpc, ErrorCode, RaiseBlockerDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** What holds a commitment back: project managers raise it, the steering committee answers. */
@ApiTags('commitments')
@ApiBearerAuth()
@ApiOperationPrefix('commitments')
@Controller()
export class BlockersController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.MANAGERS)
  @Post('commitments/:id/blockers')
  raiseBlocker(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: RaiseBlockerDto) {
    return this.rpc.request(CommitmentsRpc.raiseBlocker, { ...dto, commitmentId }, asActor(req));
  }

  @Roles(...RoleGroup.STAFF)
  @Get('blockers')
  blockers(@Req() req: AuthedRequest, @Query() query: BlockerQueryDto) {
    return this.rpc.request(CommitmentsRpc.listBlockers, query, asActor(req));
  }

  @Roles(...RoleGroup.OVERSIGHT)
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('blockers/:id/answer')
  answer(@Req() req: AuthedRequest, @Param('id', uuid()) blockerId: string, @Body() dto: AnswerBlockerDto) {
    return this.rpc.request(CommitmentsRpc.answerBlocker, { ...dto, blockerId }, asActor(req));
  }

  @Roles(...RoleGroup.STAFF)
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('blockers/:id/close')
  close(@Req() req: AuthedRequest, @Param('id', uuid()) blockerId: string) {
    return this.rpc.request(CommitmentsRpc.closeBlocker, { blockerId }, asActor(req));
  }
}
