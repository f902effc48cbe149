import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { ReportingRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

/** The scheduled work of the reporting service: run a sweep now, see the jobs, rebuild the read models. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiOperationPrefix('reporting')
@Controller('admin')
export class JobsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @Post('sweeps/:kind')
  sweep(@Req() req: AuthedRequest, @Param('kind') kind: string) {
    return this.rpc.request(ReportingRpc.runSweep, { kind: kind as 'overdue' }, { ...asActor(req), timeoutMs: 120000 });
  }
  @Roles('admin')
  @Get('jobs')
  jobs(@Req() req: AuthedRequest) {
    return this.rpc.request(ReportingRpc.jobs, {}, asActor(req));
  }
  @Roles('admin')
  @HttpCode(200)
  @Post('read-models/rebuild')
  rebuild(@Req() req: AuthedRequest) {
    return this.rpc.request(ReportingRpc.rebuild, {}, { ...asActor(req), timeoutMs: 300000 });
  }
}
