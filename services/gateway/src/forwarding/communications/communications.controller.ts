import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, CommunicationDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** What was said in public about a commitment's work (press, events, posts). */
@ApiTags('commitments')
@ApiOperationPrefix('commitments')
@Controller()
export class CommunicationsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('commitments/:id/communications')
  communications(@Param('id', uuid()) commitmentId: string) {
    return this.rpc.request(CommitmentsRpc.listCommunications, { commitmentId });
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.MANAGERS)
  @Post('commitments/:id/communications')
  addCommunication(
    @Req() req: AuthedRequest,
    @Param('id', uuid()) commitmentId: string,
    @Body() dto: CommunicationDto,
  ) {
    return this.rpc.request(CommitmentsRpc.addCommunication, { ...dto, commitmentId }, asActor(req));
  }
}
