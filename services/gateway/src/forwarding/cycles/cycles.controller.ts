import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CreateCycleDto, ErrorCode, ParticipationRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** Co-creation cycles: public to read, the coordination team opens one. */
@ApiTags('co-creation')
@ApiOperationPrefix('participation')
@Controller()
export class CyclesController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('cycles')
  cycles(@Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.listCycles, { limit: page.limit, offset: page.offset });
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('cycles')
  createCycle(@Req() req: AuthedRequest, @Body() dto: CreateCycleDto) {
    return this.rpc.request(ParticipationRpc.createCycle, dto, asActor(req));
  }
  @Public()
  @Get('cycles/:id')
  cycle(@Param('id', uuid()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.getCycle, { id: cycleId });
  }
  @Public()
  @Get('cycles/:id/statistics')
  statistics(@Param('id', uuid()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.statistics, { id: cycleId }, { timeoutMs: 30000 });
  }
}
