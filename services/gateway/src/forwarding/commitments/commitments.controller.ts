import { Body, Controller, Get, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CommitmentQueryDto, CommitmentsRpc, UpdateCommitmentDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** Commitment cards: public to read, project managers change their own. */
@ApiTags('commitments')
@Controller()
export class CommitmentsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('commitments')
  list(@Query() query: CommitmentQueryDto) {
    return this.rpc.request(CommitmentsRpc.listCommitments, query);
  }

  @Public()
  @Get('commitments/:id')
  get(@Param('id', uuid()) id: string) {
    return this.rpc.request(CommitmentsRpc.getCommitment, { id });
  }

  @Public()
  @Get('commitments/:id/history')
  history(@Param('id', uuid()) id: string, @Query() page: PageQueryDto) {
    return this.rpc.request(CommitmentsRpc.history, { id, limit: page.limit, offset: page.offset });
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.MANAGERS)
  @Patch('commitments/:id')
  update(@Req() req: AuthedRequest, @Param('id', uuid()) id: string, @Body() dto: UpdateCommitmentDto) {
    return this.rpc.request(CommitmentsRpc.updateCommitment, { ...dto, id }, asActor(req));
  }
}
