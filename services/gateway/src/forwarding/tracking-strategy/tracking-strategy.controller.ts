import { Body, Controller, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, SetStrategyDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

/** Chooses the tracking strategy of a programme, an institution or a commitment. */
@ApiTags('plans')
@ApiBearerAuth()
@ApiOperationPrefix('plans')
@Controller('tracking-strategy')
export class TrackingStrategyController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.COORDINATION)
  @Put()
  setStrategy(@Req() req: AuthedRequest, @Body() dto: SetStrategyDto) {
    return this.rpc.request(CommitmentsRpc.setStrategy, dto, { ...asActor(req), timeoutMs: 30000 });
  }
}
