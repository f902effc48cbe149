import { Body, Controller, Delete, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { AddActivityDto, CommitmentsRpc, ErrorCode } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** The activities a commitment's work is cut into: its project managers add and remove them. */
@ApiTags('commitments')
@ApiBearerAuth()
@ApiOperationPrefix('commitments')
@Controller('commitments/:id/activities')
export class ActivitiesController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.MANAGERS)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post()
  addActivity(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: AddActivityDto) {
    return this.rpc.request(CommitmentsRpc.addActivity, { ...dto, commitmentId }, asActor(req));
  }

  @Roles(...RoleGroup.MANAGERS)
  @Delete(':activityId')
  removeActivity(
    @Req() req: AuthedRequest,
    @Param('id', uuid()) commitmentId: string,
    @Param('activityId', uuid()) activityId: string,
  ) {
    return this.rpc.request(CommitmentsRpc.removeActivity, { commitmentId, activityId }, asActor(req));
  }
}
